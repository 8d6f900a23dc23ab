/** ATT&CK Navigator layers: `/groups/G0016/G0016-enterprise-layer.json` and the like (src/exports/navigator-layers.ts). */
import type { APIRoute } from 'astro';
import { layerResponse, layerRoutes } from '../../../routes/object-routes.ts';

export const getStaticPaths = () => layerRoutes();

export const GET: APIRoute = ({ props }) => layerResponse(props as Parameters<typeof layerResponse>[0]);
