/**
 * How queries and names are compared: ids in any common spelling, names without case, accents or
 * punctuation, and the words of a name. The build writes names as they are (src/lib/search/name-file.ts)
 * and the browser compares them through these functions.
 */
import { parseAttackId } from '../../model/ids.ts';

/**
 * The canonical spelling of an ATT&CK id typed in any common form (`t1059/001`, `T1059 001`,
 * ` g0016 `), or undefined when the text is not an id. Only techniques have a sub-number.
 */
export function normalizeAttackId(text: string): string | undefined {
  return parseAttackId(text)?.id;
}

/** A name as compared for exact matches: `Cozy  bear!` and `cozy bear` are the same name. */
export function normalizeName(text: string): string {
  // Most names are ASCII, and the browser normalizes thousands of them at once: only others need decomposing.
  const ascii = /^[\x20-\x7e]*$/.test(text);
  return (ascii ? text : text.normalize('NFKD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words that say nothing on their own: left out of word matching unless a query has nothing else. */
const STOP_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'is', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The words of a text, normalized: `Pass-the-Hash (PtH)` → `pass`, `the`, `hash`, `pth`. */
export function wordsOf(text: string): string[] {
  const normalized = normalizeName(text);
  return normalized ? normalized.split(' ') : [];
}

/** The words a query is matched by: its words without stop words, unless it has only those. */
export function queryWords(query: string): string[] {
  const words = wordsOf(query);
  const content = words.filter((word) => !isStopWord(word));
  return content.length > 0 ? content : words;
}
