/** `/vault-health/<list>/index.json`: every row of a list of the health page too long for one page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { compactTable, PAGE_SIZE } from '../../../lib/pages/paged-table.ts';
import { HEALTH_LISTS, vaultHealthPage, type HealthList } from '../../../lib/pages/vault-health.ts';
import { loadVault, loadVaultHealth } from '../../../lib/site-data.ts';
import { BASE } from '../../../lib/site.ts';

export const getStaticPaths = (async () => {
  const health = await loadVaultHealth();
  if (!health) return [];
  const page = vaultHealthPage(health, await loadVault(), BASE);
  return HEALTH_LISTS.filter((list) => page.tables[list].rows.length > PAGE_SIZE).map((list) => ({ params: { list }, props: { list } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ list: HealthList }> = async ({ props }) => {
  const health = (await loadVaultHealth())!;
  return Response.json(compactTable(vaultHealthPage(health, await loadVault(), BASE).tables[props.list].rows));
};
