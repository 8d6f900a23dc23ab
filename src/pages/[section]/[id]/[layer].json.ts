/** ATT&CK Navigator layers: `/groups/G0016/G0016-enterprise-layer.json` and the like (src/exports/navigator-layers.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { layerFiles, layerObjects, navigatorLayer, type LayerFile, type LayerObject } from '../../../exports/navigator-layers.ts';
import { loadGraph, loadVault } from '../../../lib/site-data.ts';
import { attackIdPath } from '../../../model/ids.ts';
import { KINDS } from '../../../model/kinds.ts';

interface Props {
  object: LayerObject;
  file: LayerFile;
}

export const getStaticPaths = (async () => {
  const data = { graph: await loadGraph(), vault: await loadVault() };
  return layerObjects(data.graph).flatMap((object) =>
    layerFiles(data, object).map((file) => ({
      params: { section: KINDS[object.type].collection, id: attackIdPath(object.attackId), layer: file.path.split('/').at(-1)!.replace(/\.json$/, '') },
      props: { object, file },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props }) => {
  const layer = navigatorLayer({ graph: await loadGraph(), vault: await loadVault() }, props.object, props.file.domain);
  return new Response(`${JSON.stringify(layer, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
