/**
 * The site's searches: Pagefind's text search (its script, WebAssembly and index chunks) and the
 * name index beside it (src/lib/search/name-file.ts), both loaded from the site itself on first
 * use, so nothing is fetched until someone searches. What each finds is ordered by
 * src/lib/search/rank.ts; the header box and the search page both search through here, so they
 * show the same order.
 */
import { queryWords } from '../lib/search/exact.ts';
import type { NameFile } from '../lib/search/name-file.ts';
import { NameIndex } from '../lib/search/name-index.ts';
import type { Ranked } from '../lib/search/rank.ts';
import { matchReason, type MatchReason } from '../lib/search/reasons.ts';
import { ORDER_SORT } from '../lib/search/schema.ts';
import { searchBoth, TEXT_SEARCH_OPTIONS, type SearchOutcome, type TextFilters, type TextIndex } from '../lib/search/search.ts';
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
  /** The results from `start` to `end` as the name index shows them, at once: without excerpts. */
  preview(start: number, end: number): SearchHit[];
  /** Loads what the results from `start` to `end` show, excerpts included. */
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

export interface PagefindPage {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: { title: string; url: string; excerpt: string }[];
}

interface Pagefind extends TextIndex<PagefindPage> {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}


let pagefind: Promise<Pagefind> | undefined;
let names: Promise<NameIndex> | undefined;

/** Loads Pagefind and the name index; the header box calls this on focus, before the first keystroke. */
export function loadSearch(): Promise<[Pagefind, NameIndex]> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ url(paths.searchScript()))) as Pagefind;
    // In the page rather than a web worker: the worker's own script would add 44 KB to the first search.
    await api.options({ ...TEXT_SEARCH_OPTIONS, baseUrl: url(paths.home()), noWorker: true });
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
 * Undefined when, once the indexes are loaded, `stillWanted` says a newer search replaced this one.
 */
export async function searchSite(query: string, filters: ChosenFilters = {}, stillWanted = () => true): Promise<SearchResults | undefined> {
  const [api, index] = await loadSearch();
  // Keys typed while the indexes loaded each asked for a search: only the last is still wanted.
  if (!stillWanted()) return undefined;
  const chosen = pagefindFilters(filters);
  const found = query.trim() ? await searchBoth(api, index, query, chosen) : await listing(api, index, chosen);
  const results = found.ranking.results;
  const words = queryWords(query);
  return {
    total: results.length,
    closest: found.ranking.closest,
    filterCounts: found.filterCounts,
    preview: (start, end) => results.slice(start, end).map((ranked) => toHit(index, ranked, undefined, words)),
    hits: (start, end) =>
      results.slice(start, end).map(async (ranked) => {
        const result = found.textResult(ranked.entry);
        return toHit(index, ranked, result && (ranked.text || !query.trim()) ? await result.data() : undefined, words);
      }),
  };
}

/** The pages the filters keep, in id order, as a search without words finds them. */
async function listing(api: Pagefind, index: NameIndex, filters: TextFilters): Promise<SearchOutcome<PagefindPage>> {
  const listed = await api.search(null, { filters, sort: { [ORDER_SORT]: 'asc' } });
  const byEntry = new Map(listed.results.flatMap((result) => (index.entryOfPage(result.id) === undefined ? [] : [[index.entryOfPage(result.id)!, result] as const])));
  return {
    ranking: { results: [...byEntry.keys()].map((entry) => ({ entry, covered: 0 })), closest: false },
    textResult: (entry) => byEntry.get(entry),
    filterCounts: listed.filters,
  };
}

/** Every filter and its values, with the number of pages having each. */
export async function allFilters(): Promise<Record<string, Record<string, number>>> {
  return (await loadSearch())[0].filters();
}

function pagefindFilters(filters: ChosenFilters): TextFilters {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
}

/** A result of the ranking, shown from the name index, with Pagefind's excerpt and the place it matched once its page is loaded. */
function toHit(index: NameIndex, ranked: Ranked, page: PagefindPage | undefined, words: string[]): SearchHit {
  const entry = index.entries[ranked.entry]!;
  const reason = words.length > 0 ? matchReason(ranked, entry, page?.sub_results ?? [], words) : undefined;
  const pageUrl = url(paths.home()) + index.pathOf(entry).replace(/^\//, '');
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

/** The search page's URL for a query and filters: `/search/?q=kerberoasting&domain=Enterprise`. */
export function searchPageHref(query: string, filters: ChosenFilters = {}): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  for (const [name, values] of Object.entries(filters)) for (const value of values) params.append(name, value);
  const search = params.toString();
  return url(paths.search()) + (search ? `?${search}` : '');
}
