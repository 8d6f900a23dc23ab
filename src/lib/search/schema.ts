/**
 * What a page tells the search index beyond its text. Layout renders a page's entry as Pagefind
 * metadata, filters and sort key (SearchIndexData.astro); the search client reads them back.
 * No imports: the browser bundle uses these names too.
 */

/** The filters the search page offers, in the order it shows them, with their labels; a page sets those that apply. */
export const SEARCH_FACETS = { type: 'Type', domain: 'Domain', tactic: 'Tactic', platform: 'Platform', tag: 'Tag' } as const;
export type SearchFacet = keyof typeof SEARCH_FACETS;

/** Pagefind filters holding the ids and the names that find each page exactly (see exact.ts). */
export const EXACT_ID_FILTER = 'exact_id';
export const EXACT_NAME_FILTER = 'exact_name';
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
   * More ids that find this page first when typed as the whole query (as its `id`, title and
   * aliases do): those of revoked objects it replaced, and those of parts shown at an anchor of the
   * page (the search box then links to `#ID`).
   */
  exactIds?: string[];
  /** Other names of the page: searched with nearly the weight of the title, and found exactly. */
  aliases?: string[];
  /** Values of the search page's filters other than `type`. */
  filters?: Partial<Record<Exclude<SearchFacet, 'type'>, string[]>>;
  /** Orders filter-only listings; defaults to the title. */
  order?: string;
}
