/** `/procedures/index.json`: every row of the procedures list, for the browser to page through and filter. */
import type { APIRoute } from 'astro';
import { compactTable } from '../../lib/pages/paged-table.ts';
import { procedureIndex } from '../../lib/pages/procedures.ts';
import { loadGraph, loadVault } from '../../lib/site-data.ts';
import { BASE } from '../../lib/site.ts';

export const GET: APIRoute = async () => Response.json(compactTable(procedureIndex(await loadVault(), await loadGraph(), BASE).table.rows));
