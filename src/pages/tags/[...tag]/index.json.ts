/** `/tags/<tag>/index.json`: the notes of a tag too long for one page, for the browser to page through. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { noteTable, tagNotes } from '../../../lib/pages/note-lists.ts';
import { compactTable, PAGE_SIZE } from '../../../lib/pages/paged-table.ts';
import { paths, routeParam } from '../../../lib/paths.ts';
import { loadVault } from '../../../lib/site-data.ts';
import { BASE } from '../../../lib/site.ts';
import type { Tag } from '../../../lib/vault.ts';

export const getStaticPaths = (async () => {
  const tags = (await loadVault()).tags();
  return tags
    .map((tag) => ({ tag, notes: tagNotes(tag, tags).notes }))
    .filter(({ notes }) => notes.length > PAGE_SIZE)
    .map(({ tag }) => ({ params: { tag: routeParam(tag.path, paths.tags()) }, props: { tag, tags } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: Tag; tags: Tag[] }> = ({ props }) =>
  Response.json(compactTable(noteTable(tagNotes(props.tag, props.tags).notes, props.tag.path, BASE).rows));
