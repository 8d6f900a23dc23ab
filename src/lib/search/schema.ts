/**
 * What a page tells the search index beyond its text. Layout renders a page's entry as Pagefind
 * metadata, filters and sort key (SearchIndexData.astro), and the build writes it with the page's
 * old names into the name index (src/lib/search/name-file.ts); the search client reads them back.
 * No imports: the browser bundle uses these names too.
 */

/** The filters the search page offers, in the order it shows them, with their labels; a page sets those that apply. */
export const SEARCH_FACETS = { type: 'Type', domain: 'Domain', tactic: 'Tactic', platform: 'Platform', tag: 'Tag' } as const;
export type SearchFacet = keyof typeof SEARCH_FACETS;

/** Pagefind sort key for listings without a query (filters only). */
export const ORDER_SORT = 'order';

export interface SearchEntry {
  /** The result's badge and its `type` filter value: "Technique", "Group", "Note". */
  type: string;
  /** The result's heading. */
  title: string;
  /** The identifier shown beside the title, such as `T1059.001`. */
  id?: string;
  /**
   * Ids of parts the page shows at an anchor of that id (an analytic on its detection strategy's
   * page): typed whole, they find the page, and the search box links to `#ID`.
   */
  parts?: string[];
  /** Other names of the page: searched with nearly the weight of the title, and found exactly. */
  aliases?: string[];
  /** Values of the search page's filters other than `type`. */
  filters?: Partial<Record<Exclude<SearchFacet, 'type'>, string[]>>;
  /** Orders filter-only listings; defaults to the title. */
  order?: string;
}
