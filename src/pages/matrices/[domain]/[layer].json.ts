/** Each matrix page's ATT&CK Navigator layer: `/matrices/enterprise/enterprise-layer.json` (src/exports/matrix-layer.ts). */
import type { APIRoute } from 'astro';
import { matrixLayerResponse, matrixLayerRoutes } from '../../../routes/object-routes.ts';

export const getStaticPaths = () => matrixLayerRoutes();

export const GET: APIRoute = ({ props }) => matrixLayerResponse(props as Parameters<typeof matrixLayerResponse>[0]);
