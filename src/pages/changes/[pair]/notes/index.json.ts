/** `/changes/v17.1-v18.0/notes/index.json`: every row of the pair's table of the team's links, when it is longer than a page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { NotesChangesPage } from '../../../../lib/pages/notes-changes.ts';
import { compactTable, PAGE_SIZE } from '../../../../lib/pages/paged-table.ts';
import { notesChangeRoutes } from '../../../../routes/object-routes.ts';

export const getStaticPaths = (async () => (await notesChangeRoutes()).filter(({ props }) => (props.page?.table.rows.length ?? 0) > PAGE_SIZE)) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: NotesChangesPage }> = ({ props }) => Response.json(compactTable(props.page.table.rows));
