/**
 * The site's searches: Pagefind's text search (its script, WebAssembly and index chunks) and the
 * name index beside it (src/lib/search/name-file.ts), both loaded from the site itself on first
 * use, so nothing is fetched until someone searches. What each finds is ordered by
 * src/lib/search/rank.ts; the header box and the search page both search through here, so they
 * show the same order.
 */
import { normalizeAttackId, queryWords } from '../lib/search/exact.ts';
import type { NameFile } from '../lib/search/name-file.ts';
import { NameIndex } from '../lib/search/name-index.ts';
import { rankResults, textMatches, type Ranked } from '../lib/search/rank.ts';
import { matchReason, type MatchReason } from '../lib/search/reasons.ts';
import { ORDER_SORT } from '../lib/search/schema.ts';
import { paths } from '../lib/paths.ts';
import { url } from '../lib/site.ts';

/** Values chosen per filter; a page matches a filter when it has any of its values. */
export type ChosenFilters = Record<string, string[]>;

/** What a result shows. `excerptHtml` is Pagefind's excerpt: text with `<mark>` around matches. */
export interface SearchHit {
  url: string;
  title: string;
  id?: string;
  type?: string;
  domains: string[];
  /** Why the page matched: a name, an alias, an old name, its text, a row of one of its tables. */
  reason?: MatchReason;
  excerptHtml: string;
}

export interface SearchResults {
  total: number;
  /** No page has every word of the query: these are the closest matches. */
  closest: boolean;
  /** Loads what the results from `start` to `end` show, each on its own so that the first can show early. */
  hits(start: number, end: number): Promise<SearchHit>[];
  /** Result counts per filter value, for the results as filtered. */
  filterCounts: Record<string, Record<string, number>>;
}

interface PagefindOptions {
  baseUrl?: string;
  excerptLength?: number;
  noWorker?: boolean;
  ranking?: { metaWeights?: Record<string, number> };
}

/** Each facet's chosen values (`{ any: [...] }`). */
type PagefindFilters = Record<string, { any: string[] }>;

interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindPage>;
}

export interface PagefindPage {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: { title: string; url: string; excerpt: string }[];
}

interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc'> }): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Names and aliases count far more than body text in Pagefind's own score. */
const META_WEIGHTS = { title: 10, aliases: 8, id: 10 };
/** Words shorter than this are not searched alone in the text: they match too much and cost index chunks. */
const MIN_WORD_LENGTH = 2;

let pagefind: Promise<Pagefind> | undefined;
let names: Promise<NameIndex> | undefined;

/** Loads Pagefind and the name index; the header box calls this on focus, before the first keystroke. */
export function loadSearch(): Promise<[Pagefind, NameIndex]> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ url(paths.searchScript()))) as Pagefind;
    // In the page rather than a web worker: the worker's own script would add 44 KB to the first search.
    await api.options({ baseUrl: url(paths.home()), noWorker: true, excerptLength: 24, ranking: { metaWeights: META_WEIGHTS } });
    await api.init();
    return api;
  })();
  names ??= loadNames();
  return Promise.all([pagefind, names]);
}

async function loadNames(): Promise<NameIndex> {
  const response = await fetch(url(paths.searchNames()));
  if (!response.ok) throw new Error(`${paths.searchNames()}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A host may already have undone the gzip (Content-Encoding); then the bytes are the JSON itself.
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text() : new TextDecoder().decode(bytes);
  return new NameIndex(JSON.parse(text) as NameFile);
}

/**
 * Searches the site. Pages whose ATT&CK id (in any common spelling), name, alias, old name or
 * abbreviation is the whole query come first; an empty query lists the filtered pages in id order.
 */
export async function searchSite(query: string, filters: ChosenFilters = {}): Promise<SearchResults> {
  const [api, index] = await loadSearch();
  const chosen = pagefindFilters(filters);
  if (!query.trim()) {
    const listed = await api.search(null, { filters: chosen, sort: { [ORDER_SORT]: 'asc' } });
    return {
      total: listed.results.length,
      closest: false,
      filterCounts: listed.filters,
      hits: (start, end) =>
        listed.results.slice(start, end).map(async (result) => {
          const entry = index.entryOfPage(result.id);
          const page = await result.data();
          return entry === undefined ? fromPage(page) : toHit(index, { entry, covered: 0 }, page, '');
        }),
    };
  }
  const words = queryWords(query);
  const typedId = normalizeAttackId(query);
  const filtered = Object.keys(chosen).length > 0;
  const searched = words.filter((word) => word.length >= MIN_WORD_LENGTH);
  const [whole, allowed, ...perWord] = await Promise.all([
    api.search(typedId ?? words.join(' '), { filters: chosen }),
    filtered ? api.search(null, { filters: chosen }) : undefined,
    ...(typedId || searched.length < 2 ? [] : searched.map((word) => api.search(word, { filters: chosen }))),
  ]);
  // A page's result from the search for every word, when it has them all, carries the most locations.
  const pagefindResults = new Map<string, PagefindResult>();
  for (const search of [...perWord, whole]) for (const result of search?.results ?? []) pagefindResults.set(result.id, result);
  const text = textMatches(
    whole.results,
    perWord.map((search, position) => ({ position: words.indexOf(searched[position]!), results: search?.results ?? [] })),
    words.length,
  );
  const entryOf = (page: string) => index.entryOfPage(page);
  const ranking = rankResults({
    entries: index.entries,
    types: index.types,
    domains: index.domains,
    words,
    exact: index.exact(query),
    family: index.family(query),
    names: index.match(words),
    text: new Map([...text].flatMap(([page, match]) => (entryOf(page) === undefined ? [] : [[entryOf(page)!, match]]))),
    allowed: allowed && new Set(allowed.results.map((result) => entryOf(result.id)).filter((entry) => entry !== undefined)),
  });
  return {
    total: ranking.results.length,
    closest: ranking.closest,
    filterCounts: whole.filters,
    hits: (start, end) =>
      ranking.results.slice(start, end).map(async (ranked) => {
        const page = pagefindResults.get(index.entries[ranked.entry]!.page);
        return toHit(index, ranked, page && (await page.data()), query);
      }),
  };
}

/** Every filter and its values, with the number of pages having each. */
export async function allFilters(): Promise<Record<string, Record<string, number>>> {
  return (await loadSearch())[0].filters();
}

function pagefindFilters(filters: ChosenFilters): PagefindFilters {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
}

/** A result of the ranking: shown from the name index, with Pagefind's excerpt when its text matched. */
function toHit(index: NameIndex, ranked: Ranked, page: PagefindPage | undefined, query: string): SearchHit {
  const entry = index.entries[ranked.entry]!;
  const reason = query ? matchReason(ranked, entry, page?.sub_results ?? []) : undefined;
  const pageUrl = url(paths.home()) + entry.url.replace(/^\//, '');
  return {
    url: reason?.anchor ? `${pageUrl}#${reason.anchor}` : pageUrl,
    title: entry.title,
    id: entry.id,
    type: index.types[entry.type],
    domains: (entry.domains ?? []).map((domain) => index.domains[domain]!),
    reason,
    excerptHtml: reason?.excerptHtml ?? page?.excerpt ?? '',
  };
}

/** A page the name index does not know (a site built without it): what Pagefind says of it. */
function fromPage(page: PagefindPage): SearchHit {
  return {
    url: page.url,
    title: page.meta.title ?? page.url,
    id: page.meta.id,
    type: page.filters.type?.[0],
    domains: page.filters.domain ?? [],
    excerptHtml: page.excerpt,
  };
}

/** The search page's URL for a query and filters: `/search/?q=kerberoasting&domain=Enterprise`. */
export function searchPageHref(query: string, filters: ChosenFilters = {}): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
  const search = params.toString();
  return url(paths.search()) + (search ? `?${search}` : '');
}
