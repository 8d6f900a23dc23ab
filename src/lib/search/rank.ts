/**
 * The order of search results, from what the name index (name-index.ts) and Pagefind's text search
 * found. In order:
 * 1. pages whose id, name, alias, old name or abbreviation is the whole query;
 * 2. for a typed technique id, its sub-techniques;
 * 3. the other pages, by how many of the query's words they have (in names or text), how well
 *    their best name matches and how well their text does, where detection strategies count for
 *    less (their pages mostly repeat the technique's words).
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
  /** Pagefind's score, 0 to 1 (see textMatches). */
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

/**
 * What a page's match is made of, each part 0 to 1: the share of the query's words it has (in
 * names or text), how well its best name matches, and how well its text does; and the share of
 * the query that one of its names is, when the query has that name whole.
 */
const WEIGHTS = { words: 1, name: 1, text: 0.5, named: 1 };
/** What a detection strategy's match counts, against other pages'. */
const DETECTION_WEIGHT = 0.6;

const DETECTION_STRATEGY = KINDS.detectionstrategy.labels.singular;

/**
 * What Pagefind found, by Pagefind page, with a text score from 0 to 1. A page of the search for
 * the whole query has every word, and its score there (scaled to that search's best) counts half;
 * with one search per word, the other half is the mean over the words of the page's score for
 * each (scaled to that word's best), so that a rare word and a common one count alike. Pages
 * found only by some words have those and that half alone.
 */
export function textMatches(
  whole: { id: string; score: number }[],
  perWord: { position: number; results: { id: string; score: number }[] }[],
  wordCount: number,
): Map<string, TextMatch> {
  const every = new Set(Array.from({ length: wordCount }, (_, position) => position));
  const wholeShare = perWord.length > 0 ? 0.5 : 1;
  const scale = scaler(whole);
  const matches = new Map<string, TextMatch>(whole.map(({ id, score }) => [id, { score: wholeShare * scale(score), words: every }]));
  for (const { position, results } of perWord) {
    const scaleWord = scaler(results);
    for (const { id, score } of results) {
      const found = matches.get(id) ?? { score: 0, words: new Set<number>() };
      if (found.words !== every) found.words.add(position);
      found.score += ((1 - wholeShare) * scaleWord(score)) / perWord.length;
      matches.set(id, found);
    }
  }
  return matches;
}

/** Scores divided by the best of them. */
function scaler(results: { score: number }[]): (score: number) => number {
  const best = Math.max(0, ...results.map(({ score }) => score));
  return (score) => (best > 0 ? score / best : 0);
}

export function rankResults(input: RankInput): Ranking {
  const candidates = new Set<number>([...input.exact.map(({ entry }) => entry), ...input.family, ...input.names.keys(), ...input.text.keys()]);
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
      return { ranked, tier, relevance: relevance(ranked, input) };
    });
  keyed.sort((a, b) => a.tier - b.tier || (a.tier === 2 ? b.relevance - a.relevance : 0) || tieOrder(input, a.ranked.entry, b.ranked.entry));
  const results = familiesTogether(
    keyed.map(({ ranked }) => ranked),
    input.entries,
  );
  const most = Math.max(0, ...results.map(({ covered }) => covered));
  return { results, closest: input.words.length > 1 && results.length > 0 && most < input.words.length };
}

function relevance({ entry, name, text, covered }: Ranked, input: RankInput): number {
  const words = covered / Math.max(1, input.words.length);
  const score = WEIGHTS.words * words + WEIGHTS.name * (name?.score ?? 0) + WEIGHTS.text * (text?.score ?? 0) + WEIGHTS.named * (name?.named ?? 0);
  return score * (isDetection(input, entry) ? DETECTION_WEIGHT : 1);
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
  return result.exact ? Number.POSITIVE_INFINITY : (result.name?.score ?? 0);
}
