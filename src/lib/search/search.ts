/**
 * One search over both indexes: Pagefind's text search, once for the whole query and, when it has
 * several words, once for each, and the name index; their findings ranked by rank.ts. Takes the
 * loaded indexes, so that the browser (src/client/site-search.ts) and the development tools run
 * the same search.
 */
import { normalizeAttackId, queryWords } from './exact.ts';
import type { NameIndex } from './name-index.ts';
import { rankResults, textMatches, type Ranking } from './rank.ts';

/** Each facet's chosen values. */
export type TextFilters = Record<string, { any: string[] }>;

/** The part of Pagefind's JS API a search uses. */
export interface TextIndex<Page> {
  search(term: string | null, options?: { filters?: TextFilters; sort?: Record<string, 'asc'> }): Promise<TextSearch<Page>>;
}

export interface TextSearch<Page> {
  results: TextResult<Page>[];
  filters: Record<string, Record<string, number>>;
}

export interface TextResult<Page> {
  /** The page's id in Pagefind's index. */
  id: string;
  score: number;
  data(): Promise<Page>;
}

export interface SearchOutcome<Page> {
  ranking: Ranking;
  /** Pagefind's result for an entry whose text matched: what its excerpt comes from. */
  textResult(entry: number): TextResult<Page> | undefined;
  /** Result counts per filter value, for the results as filtered. */
  filterCounts: Record<string, Record<string, number>>;
}

/** Pagefind's options for this site: names and aliases count far more than body text in its own score. */
export const TEXT_SEARCH_OPTIONS = { excerptLength: 24, ranking: { metaWeights: { title: 10, aliases: 8, id: 10 } } };

/**
 * The words searched in the text: those of three letters or more, or of two when the query has
 * no longer one (`c2`). Shorter ones, often a word being typed, match too much, and each costs
 * index chunks; the name index still matches them.
 */
function textWords(words: string[]): string[] {
  const long = words.filter((word) => word.length >= 3);
  return long.length > 0 ? long : words.filter((word) => word.length >= 2);
}

export async function searchBoth<Page>(text: TextIndex<Page>, names: NameIndex, query: string, filters: TextFilters = {}): Promise<SearchOutcome<Page>> {
  const words = queryWords(query);
  const typedId = normalizeAttackId(query);
  const searched = typedId ? [] : textWords(words);
  const filtered = Object.keys(filters).length > 0;
  const wholeQuery = typedId ?? (searched.length > 0 ? searched.join(' ') : undefined);
  const [whole, allowed, ...perWord] = await Promise.all([
    wholeQuery ? text.search(wholeQuery, { filters }) : undefined,
    filtered ? text.search(null, { filters }) : undefined,
    ...(searched.length > 1 ? searched.map((word) => text.search(word, { filters })) : []),
  ]);
  // A page's result from the search for every word, when it has them all, carries the most locations.
  const byPage = new Map<string, TextResult<Page>>();
  for (const search of [...perWord, whole]) for (const result of search?.results ?? []) byPage.set(result.id, result);
  const found = textMatches(
    whole?.results ?? [],
    perWord.map((search, position) => ({ position: words.indexOf(searched[position]!), results: search?.results ?? [] })),
    words.length,
  );
  const entryOf = (page: string) => names.entryOfPage(page);
  const ranking = rankResults({
    entries: names.entries,
    types: names.types,
    domains: names.domains,
    words,
    exact: names.exact(query),
    family: names.family(query),
    names: names.match(words),
    text: new Map([...found].flatMap(([page, match]) => (entryOf(page) === undefined ? [] : [[entryOf(page)!, match] as const]))),
    allowed: allowed && new Set(allowed.results.flatMap((result) => entryOf(result.id) ?? [])),
  });
  return {
    ranking,
    textResult: (entry) => byPage.get(names.entries[entry]!.page),
    filterCounts: whole?.filters ?? allowed?.filters ?? {},
  };
}
