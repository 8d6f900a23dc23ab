/** `/changes/v17.1-v18.0/changelog.json`: the changelog in mitreattack-python's diffStix structure. */
import type { APIRoute } from 'astro';
import { changelogJson } from '../../../lib/pages/changes.ts';
import { loadGraph, loadHistory } from '../../../lib/site-data.ts';
import type { ReleaseChanges } from '../../../model/history.ts';
import { changeRoutes } from '../../../routes/object-routes.ts';

export const getStaticPaths = () => changeRoutes();

export const GET: APIRoute<{ changes: ReleaseChanges }> = async ({ props: { changes } }) => {
  const graphs = { from: await loadGraph(changes.from), to: await loadGraph(changes.to) };
  const json = changelogJson(changes, await loadHistory(), graphs);
  return new Response(`${JSON.stringify(json, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
