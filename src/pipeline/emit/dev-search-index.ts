/**
 * The search index of the dev server (`npm run dev`), which writes no pages for Pagefind to read:
 * the same entries a build indexes (each active ATT&CK object's page, each note), made from the
 * collections as custom records, their text the page's main text, and the name index beside it
 * (src/pipeline/emit/search-names.ts). The files are kept in memory and served by the dev server
 * under the base path (src/integrations/live-import.ts).
 */
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import * as pagefind from 'pagefind';
import { AttackGraph } from '../../lib/graph.ts';
import { paths } from '../../lib/paths.ts';
import { renderRichText } from '../../lib/rich-text.ts';
import { noteSearchEntry } from '../../lib/search/note-entry.ts';
import { objectSearchEntry } from '../../lib/search/object-entry.ts';
import { ORDER_SORT, type SearchEntry } from '../../lib/search/schema.ts';
import type { AttackObject } from '../../model/attack.ts';
import { objectsOf, type Collections } from '../../model/collections.ts';
import { OBJECT_PAGE_KINDS } from '../../model/kinds.ts';
import { nameIndex } from './search-names.ts';

/** The index's files, by their path below `pagefind/`. */
export async function devSearchIndex(collections: Collections, base: string, generatedDir: string): Promise<Map<string, Uint8Array>> {
  const graph = new AttackGraph(collections);
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const objects = OBJECT_PAGE_KINDS.flatMap((kind) => objectsOf(collections, kind) as AttackObject[]).filter((object) => object.status === 'active');
    for (const object of objects) await index.addCustomRecord(record(objectSearchEntry(object, graph), object.path, object.description, base));
    for (const note of collections.notes) await index.addCustomRecord(record(noteSearchEntry(note), note.path, note.html, base));
    const { files, errors: failed } = await index.getFiles();
    if (failed.length > 0) throw new Error(`Pagefind could not build the search index: ${failed.join('; ')}`);
    const indexed = new Map(files.map((file) => [file.path, file.content]));
    indexed.set(paths.searchNames().replace(`${paths.searchIndex()}`, ''), (await nameIndex(indexed, generatedDir)).compressed);
    return indexed;
  } finally {
    await index.deleteIndex();
  }
}

/** A page's search entry as a Pagefind record, as SearchIndexData.astro writes it into the page; its URL the page's path, as Pagefind records a built page's. */
function record(entry: SearchEntry, url: string, text: Parameters<typeof renderRichText>[0], base: string): pagefind.CustomRecord {
  const filters = { type: [entry.type], ...entry.filters };
  return {
    url,
    content: hastToString(fromHtml(renderRichText(text, base), { fragment: true })),
    language: 'en',
    meta: {
      title: entry.title,
      ...(entry.id ? { id: entry.id } : {}),
      ...(entry.aliases && entry.aliases.length > 0 ? { aliases: entry.aliases.join(', ') } : {}),
    },
    filters: Object.fromEntries(Object.entries(filters).map(([name, values]) => [name, values ?? []])),
    sort: { [ORDER_SORT]: entry.order ?? entry.title },
  };
}

/** Where the dev server serves the index. */
export const DEV_SEARCH_PATH = paths.searchIndex();
