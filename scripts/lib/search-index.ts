/**
 * Indexes a built site with Pagefind: every page that marks its content with `data-pagefind-body`
 * (see Layout.astro), written to `pagefind/` inside the site.
 */
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export const SEARCH_BUNDLE = 'pagefind';

/** Returns the number of pages indexed. */
export async function indexSite(siteDir: string): Promise<number> {
  try {
    // Citation numbers ("[3]") would only clutter the excerpts.
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['sup.cite'] });
    if (!index) throw new SearchIndexError(errors);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new SearchIndexError(added.errors);
    if (added.page_count === 0) throw new SearchIndexError([`no page of ${siteDir} is marked for indexing`]);
    const written = await index.writeFiles({ outputPath: join(siteDir, SEARCH_BUNDLE) });
    if (written.errors.length > 0) throw new SearchIndexError(written.errors);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

class SearchIndexError extends Error {
  constructor(errors: string[]) {
    super(`Pagefind could not build the search index: ${errors.join('; ')}`);
  }
}
