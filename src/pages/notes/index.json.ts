/** `/notes/index.json`: every row of the notes list, for the browser to page through (written only for long lists). */
import type { APIRoute } from 'astro';
import { notesIndex } from '../../lib/pages/note-lists.ts';
import { compactTable } from '../../lib/pages/paged-table.ts';
import { loadVault } from '../../lib/site-data.ts';
import { BASE } from '../../lib/site.ts';

export const GET: APIRoute = async () => Response.json(compactTable(notesIndex(await loadVault(), BASE).rows));
