/**
 * The order of search results, from what the name index (name-index.ts) and Pagefind's text search
 * found. In order:
 * 1. pages whose id, name, alias, old name or abbreviation is the whole query;
 * 2. for a typed technique id, its sub-techniques;
 * 3. the other pages, those with more of the query's words first (in their names or their text),
 *    then by how well their names and their text match, where detection strategies count for less
 *    (their pages mostly repeat the technique's words).
 * Ties go to techniques, groups, software and the rest before detection strategies, then to the
 * Enterprise domain before Mobile and ICS, then to id order. A sub-technique that matches no better
 * than its parent comes right after it, with its siblings in id order. Pure, for the browser and
 * unit tests.
 */
import { DOMAINS, DOMAIN_LABELS } from '../../model/domains.ts';
import { KINDS } from '../../model/kinds.ts';
import { compareAttackIds, parentAttackId } from '../../model/ids.ts';
import type { NameEntry } from './name-file.ts';
import type { ExactMatch, NameMatch } from './name-index.ts';

/** What Pagefind's text search found on a page. */
export interface TextMatch {
  /** Pagefind's score: of the search for the whole query when the page has every word, else of the words it has. */
  score: number;
  /** Positions of the query words the page's text has. */
  words: Set<number>;
}

export interface RankInput {
  entries: NameEntry[];
  types: string[];
  domains: string[];
  /** The words of the query (without stop words). */
  words: string[];
  exact: ExactMatch[];
  family: number[];
  names: Map<number, NameMatch>;
  text: Map<number, TextMatch>;
  /** Entries the chosen filters keep; all when undefined. */
  allowed?: Set<number>;
}

export interface Ranked {
  entry: number;
  exact?: ExactMatch;
  name?: NameMatch;
  text?: TextMatch;
  /** How many of the query's words the page has, in its names or its text. */
  covered: number;
}

export interface Ranking {
  results: Ranked[];
  /** No page has every word: the results are the closest matches. */
  closest: boolean;
}

/** How much names weigh against text (Pagefind's score, scaled to the best of the query: 0 to 1). */
const NAME_WEIGHT = 1;
/** A name that the query covers whole is worth this much more than one it covers in part. */
const WHOLE_NAME_BONUS = 0.5;
/** What a detection strategy's match counts, against other pages'. */
const DETECTION_WEIGHT = 0.6;

const DETECTION_STRATEGY = KINDS.detectionstrategy.labels.singular;

/** What a page's text counts when it lacks some of the query's words, against the score of one that has them all. */
const PARTIAL_TEXT_WEIGHT = 0.5;

/**
 * What Pagefind found, by Pagefind page: the pages of the search for the whole query have every
 * word and its score; the others, from the searches for each word, have the words they were
 * found by and the mean of those searches' scores, at a discount.
 */
export function textMatches(
  whole: { id: string; score: number }[],
  perWord: { position: number; results: { id: string; score: number }[] }[],
  wordCount: number,
): Map<string, TextMatch> {
  const every = new Set(Array.from({ length: wordCount }, (_, position) => position));
  const matches = new Map<string, TextMatch>(whole.map(({ id, score }) => [id, { score, words: every }]));
  const partial = new Map<string, { sum: number; words: Set<number> }>();
  for (const { position, results } of perWord) {
    for (const { id, score } of results) {
      if (matches.has(id)) continue;
      const found = partial.get(id) ?? { sum: 0, words: new Set<number>() };
      found.sum += score;
      found.words.add(position);
      partial.set(id, found);
    }
  }
  for (const [id, { sum, words }] of partial) matches.set(id, { score: (PARTIAL_TEXT_WEIGHT * sum) / Math.max(1, wordCount), words });
  return matches;
}

export function rankResults(input: RankInput): Ranking {
  const candidates = new Set<number>([...input.exact.map(({ entry }) => entry), ...input.family, ...input.names.keys(), ...input.text.keys()]);
  const best = Math.max(0, ...[...input.text.values()].map(({ score }) => score));
  const exactOf = new Map(input.exact.map((match) => [match.entry, match]));
  const family = new Set(input.family);
  const keyed = [...candidates]
    .filter((entry) => !input.allowed || input.allowed.has(entry))
    .map((entry) => {
      const name = input.names.get(entry);
      const text = input.text.get(entry);
      const covered = input.words.filter((_, position) => (name?.words[position] ?? 0) > 0 || text?.words.has(position)).length;
      const ranked: Ranked = { entry, exact: exactOf.get(entry), name, text, covered };
      const tier = ranked.exact ? 0 : family.has(entry) ? 1 : 2;
      return { ranked, tier, relevance: relevance(ranked, input, best) };
    });
  keyed.sort(
    (a, b) =>
      a.tier - b.tier ||
      (a.tier === 2 ? b.ranked.covered - a.ranked.covered || b.relevance - a.relevance : 0) ||
      tieOrder(input, a.ranked.entry, b.ranked.entry),
  );
  const results = familiesTogether(
    keyed.map(({ ranked }) => ranked),
    input.entries,
  );
  const most = Math.max(0, ...results.map(({ covered }) => covered));
  return { results, closest: input.words.length > 1 && results.length > 0 && most < input.words.length };
}

function relevance({ entry, name, text }: Ranked, input: RankInput, best: number): number {
  const words = input.words.length || 1;
  const named = name ? name.words.reduce((sum, quality) => sum + quality, 0) / words + WHOLE_NAME_BONUS * name.coverage : 0;
  const textual = text && best > 0 ? text.score / best : 0;
  return (NAME_WEIGHT * named + textual) * (isDetection(input, entry) ? DETECTION_WEIGHT : 1);
}

function isDetection(input: Pick<RankInput, 'entries' | 'types'>, entry: number): boolean {
  return input.types[input.entries[entry]!.type] === DETECTION_STRATEGY;
}

/** Other kinds before detection strategies, Enterprise before Mobile and ICS, then id order, then title. */
function tieOrder(input: Pick<RankInput, 'entries' | 'types' | 'domains'>, a: number, b: number): number {
  const [left, right] = [input.entries[a]!, input.entries[b]!];
  return (
    Number(isDetection(input, a)) - Number(isDetection(input, b)) ||
    domainRank(input, left) - domainRank(input, right) ||
    compareAttackIds(left.id ?? '~', right.id ?? '~') ||
    left.title.localeCompare(right.title)
  );
}

function domainRank(input: Pick<RankInput, 'domains'>, entry: NameEntry): number {
  const labels = (entry.domains ?? []).map((index) => input.domains[index]);
  const ranks = DOMAINS.map((domain) => DOMAIN_LABELS[domain]).map((label) => (labels.includes(label) ? 0 : 1));
  const first = ranks.indexOf(0);
  return first < 0 ? DOMAINS.length : first;
}

/**
 * Keeps families together: a sub-technique that matches no better than its parent (no more words,
 * no better names) goes right after it, with its siblings in id order, and the family takes the
 * place of the best placed of them.
 */
function familiesTogether(results: Ranked[], entries: NameEntry[]): Ranked[] {
  const byId = new Map(results.map((result) => [entries[result.entry]!.id, result]));
  const families = new Map<Ranked, Ranked[]>();
  const familyOf = new Map<Ranked, Ranked>();
  for (const result of results) {
    const id = entries[result.entry]!.id;
    const parent = id && !result.exact ? byId.get(parentAttackId(id)) : undefined;
    if (!parent || result.covered > parent.covered || nameScore(result) > nameScore(parent)) continue;
    families.set(parent, [...(families.get(parent) ?? []), result]);
    familyOf.set(result, parent);
    familyOf.set(parent, parent);
  }
  const placed = new Set<Ranked>();
  return results.flatMap((result) => {
    const parent = familyOf.get(result);
    if (!parent) return [result];
    if (placed.has(parent)) return [];
    placed.add(parent);
    const children = families.get(parent)!.sort((a, b) => compareAttackIds(entries[a.entry]!.id!, entries[b.entry]!.id!));
    return [parent, ...children];
  });
}

function nameScore(result: Ranked): number {
  return result.exact ? Number.POSITIVE_INFINITY : (result.name?.words.reduce((sum, quality) => sum + quality, 0) ?? 0);
}
