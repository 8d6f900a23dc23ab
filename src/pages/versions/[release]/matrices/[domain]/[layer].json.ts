/** An older release's matrix layers, frozen: `/versions/v17.1/matrices/enterprise/enterprise-layer.json`. */
import type { APIRoute } from 'astro';
import { frozenRoutes, matrixLayerResponse, matrixLayerRoutes } from '../../../../../routes/object-routes.ts';

export const getStaticPaths = () => frozenRoutes(matrixLayerRoutes);

export const GET: APIRoute = ({ props }) => matrixLayerResponse(props as Parameters<typeof matrixLayerResponse>[0]);
