/** An older release's Navigator layers, frozen: `/versions/v17.1/groups/G0016/G0016-enterprise-layer.json`. */
import type { APIRoute } from 'astro';
import { frozenRoutes, layerResponse, layerRoutes } from '../../../../../routes/object-routes.ts';

export const getStaticPaths = () => frozenRoutes(layerRoutes);

export const GET: APIRoute = ({ props }) => layerResponse(props as Parameters<typeof layerResponse>[0]);
