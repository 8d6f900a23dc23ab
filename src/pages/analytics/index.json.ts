/** `/analytics/index.json`: every row of the analytics list, for the browser to page through and filter. */
import type { APIRoute } from 'astro';
import { analyticIndex } from '../../lib/pages/analytics.ts';
import { compactTable } from '../../lib/pages/paged-table.ts';
import { loadGraph } from '../../lib/site-data.ts';
import { BASE } from '../../lib/site.ts';

export const GET: APIRoute = async () => Response.json(compactTable(analyticIndex(await loadGraph(), BASE).table.rows));
