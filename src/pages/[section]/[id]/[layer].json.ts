/** ATT&CK Navigator layers: `/groups/G0016/G0016-enterprise-layer.json` and the like (src/lib/layers.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { layerFiles, layerObjects, navigatorLayer, type LayerFile, type LayerObject } from '../../../lib/layers.ts';
import { loadGraph } from '../../../lib/site-data.ts';

interface Props {
  object: LayerObject;
  file: LayerFile;
}

export const getStaticPaths = (async () => {
  const graph = await loadGraph();
  return layerObjects(graph).flatMap((object) =>
    layerFiles(graph, object).map((file) => ({ params: routeParams(file), props: { object, file } })),
  );
}) satisfies GetStaticPaths;

/** The route's parameters are the parts of the file's path: `/groups/G0016/G0016-enterprise-layer.json`. */
function routeParams({ path }: LayerFile) {
  const [section, id, layer] = path.slice(1, -'.json'.length).split('/');
  return { section, id, layer };
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const layer = navigatorLayer(await loadGraph(), props.object, props.file.domain);
  return new Response(`${JSON.stringify(layer, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
