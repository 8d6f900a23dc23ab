/** `/changes/v17.1-v18.0/layer-enterprise.json`: a domain's changed techniques as a Navigator layer, coloured by category. */
import type { APIRoute } from 'astro';
import { changelogLayer } from '../../../lib/pages/changes.ts';
import { paths, routeParam } from '../../../lib/paths.ts';
import { loadGraph } from '../../../lib/site-data.ts';
import type { Domain } from '../../../model/attack.ts';
import type { ReleaseChanges } from '../../../model/history.ts';
import { changeRoutes } from '../../../routes/object-routes.ts';

export async function getStaticPaths() {
  return (await changeRoutes()).flatMap(({ params, props }) =>
    props.changes.domains.map(({ domain }) => {
      const file = routeParam(paths.changelogLayer(props.changes.from, props.changes.to, domain), paths.releaseChanges(props.changes.from, props.changes.to));
      return { params: { ...params, layer: file.replace(/\.json$/, '') }, props: { ...props, domain } };
    }),
  );
}

export const GET: APIRoute<{ changes: ReleaseChanges; domain: Domain }> = async ({ props: { changes, domain } }) => {
  const layer = changelogLayer(changes, domain, { from: await loadGraph(changes.from), to: await loadGraph(changes.to) });
  return new Response(`${JSON.stringify(layer, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
