/**
 * Indexes a built site with Pagefind: every page that marks its content with `data-pagefind-body`
 * (see Layout.astro), written to `pagefind/` inside the site.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * What search leaves out of every page: citation numbers ("[3]") would only clutter the excerpts,
 * and the ID and name cells of object tables (src/components/ObjectTable.astro) name objects found
 * on their own pages. By class, so that a table of hundreds of rows need not mark each cell.
 */
export const UNSEARCHED_SELECTORS = ['sup.cite', '.data-table .id-cell', '.data-table .name-cell'];

/** Returns the number of pages indexed. */
export async function indexSite(siteDir: string): Promise<number> {
  const bundle = join(siteDir, 'pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: UNSEARCHED_SELECTORS });
    if (!index) throw new SearchIndexError(errors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new SearchIndexError(added.errors);
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new SearchIndexError(written.errors);
  } finally {
    await pagefind.close();
  }
  return indexedPages(bundle);
}

/** Pagefind counts all the HTML files it read; its entry file has the pages it indexed. */
async function indexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

class SearchIndexError extends Error {
  constructor(errors: string[]) {
    super(`Pagefind could not build the search index: ${errors.join('; ')}`);
  }
}
