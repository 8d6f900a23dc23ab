/**
 * The site's searches, over Pagefind's JS API. Pagefind (its script, WebAssembly and index chunks)
 * is loaded from the site itself on first use, so nothing is fetched until someone searches.
 */
import { exactQueryFilter, normalizeAttackId, type FilterClause } from '../lib/search/exact.ts';
import { exactMatchesFirst, resultUrl } from '../lib/search/results.ts';
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
  excerptHtml: string;
}

export interface SearchResults {
  total: number;
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

/** Each facet's chosen values (`{ any: [...] }`), and optionally `any` clauses of which one must hold. */
type PagefindFilters = Record<string, { any: string[] } | FilterClause[]>;

interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}

interface PagefindResult {
  id: string;
  data(): Promise<PagefindPage>;
}

interface PagefindPage {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: { id: string }[];
  sub_results: { url: string; excerpt: string }[];
}

interface Pagefind {
  options(options: PagefindOptions): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc'> }): Promise<PagefindSearch>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** Names and aliases count far more than body text: typing a name finds that object first. */
const META_WEIGHTS = { title: 10, aliases: 8, id: 10 };

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind and its index metadata; the header box calls this on focus, before the first keystroke. */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ url(paths.searchScript()))) as Pagefind;
    // In the page rather than a web worker: the worker's own script would add 44 KB to the first search.
    await api.options({ baseUrl: url(paths.home()), noWorker: true, excerptLength: 24, ranking: { metaWeights: META_WEIGHTS } });
    await api.init();
    return api;
  })();
  return pagefind;
}

/**
 * Searches the index. Pages whose ATT&CK id (in any common spelling), name or alias is the whole
 * query come first; an empty query lists the filtered pages in id order.
 */
export async function searchSite(query: string, filters: ChosenFilters = {}): Promise<SearchResults> {
  const api = await loadPagefind();
  const typedId = normalizeAttackId(query);
  const exactFilter = exactQueryFilter(query);
  const chosen = pagefindFilters(filters);
  const [exact, text] = await Promise.all([
    exactFilter ? api.search(null, { filters: { ...chosen, ...exactFilter } }) : undefined,
    query.trim() ? api.search(typedId ?? query, { filters: chosen }) : api.search(null, { filters: chosen, sort: { [ORDER_SORT]: 'asc' } }),
  ]);
  const results = exactMatchesFirst(exact?.results ?? [], text.results);
  return {
    total: results.length,
    filterCounts: text.filters,
    hits: (start, end) => results.slice(start, end).map(async (result) => toHit(await result.data(), typedId)),
  };
}

/** Every filter and its values, with the number of pages having each. */
export async function allFilters(): Promise<Record<string, Record<string, number>>> {
  return (await loadPagefind()).filters();
}

function pagefindFilters(filters: ChosenFilters): PagefindFilters {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
}

function toHit(page: PagefindPage, typedId: string | undefined): SearchHit {
  const href = resultUrl(page.url, page.anchors.map((anchor) => anchor.id), typedId);
  const section = page.sub_results.find((sub) => sub.url === href);
  return {
    url: href,
    title: page.meta.title ?? page.url,
    id: page.meta.id,
    type: page.filters.type?.[0],
    domains: page.filters.domain ?? [],
    excerptHtml: section?.excerpt ?? page.excerpt,
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
