/**
 * Exact matches: a query that is a page's ATT&CK id (in any common spelling), name or alias puts
 * that page first. The build writes each page's keys to Pagefind filters and the search box looks
 * the query up in them, both through these functions, so both sides spell keys alike.
 */
import { parseAttackId } from '../../model/ids.ts';
import { EXACT_ID_FILTER, EXACT_NAME_FILTER, type SearchEntry } from './schema.ts';

/**
 * The canonical spelling of an ATT&CK id typed in any common form (`t1059/001`, `T1059 001`,
 * ` g0016 `), or undefined when the text is not an id. Only techniques have a sub-number.
 */
export function normalizeAttackId(text: string): string | undefined {
  return parseAttackId(text)?.id;
}

/** A name as compared for exact matches: `Cozy  bear!` and `cozy bear` are the same name. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Names longer than this are not exact-match keys: nobody types a detection strategy's descriptive
 * title whole, and each key costs every searcher bytes (the ranked text search still finds them).
 */
const MAX_NAME_WORDS = 6;

/** The exact-match filters of a page: its ids, and its title and aliases as names. */
export function exactFilters(entry: SearchEntry): Record<string, string[]> {
  const ids = [entry.id, ...(entry.exactIds ?? [])].flatMap((id) => (id ? [normalizeAttackId(id) ?? id] : []));
  const names = [entry.title, ...(entry.aliases ?? [])]
    .map(normalizeName)
    .filter((name) => name && name.split(' ').length <= MAX_NAME_WORDS);
  return { [EXACT_ID_FILTER]: [...new Set(ids)], [EXACT_NAME_FILTER]: [...new Set(names)] };
}

/** One filter value a page must have: `{ exact_id: 'T1059.001' }`. */
export type FilterClause = Record<string, string>;

/** The filter that finds the pages whose id (when the query has an id's shape) or name is the query. */
export function exactQueryFilter(query: string): { any: FilterClause[] } | undefined {
  const id = normalizeAttackId(query);
  const name = normalizeName(query);
  const clauses: FilterClause[] = [];
  if (id) clauses.push({ [EXACT_ID_FILTER]: id });
  if (name) clauses.push({ [EXACT_NAME_FILTER]: name });
  return clauses.length > 0 ? { any: clauses } : undefined;
}
