/** `/tags/index.json`: every row of the tags list, for the browser to page through. */
import type { APIRoute } from 'astro';
import { tagsIndex } from '../../lib/pages/note-lists.ts';
import { compactTable } from '../../lib/pages/paged-table.ts';
import { loadVault } from '../../lib/site-data.ts';
import { BASE } from '../../lib/site.ts';

export const GET: APIRoute = async () => Response.json(compactTable(tagsIndex(await loadVault(), BASE).rows));
