/**
 * Why a result matched, as its line under the title says it: its id, a name or alias, an old name,
 * an abbreviation, or where its text has the query (the description, a section, a row of one of
 * its tables, which the result then links to). Pure, for the browser and unit tests.
 */
import { KINDS } from '../../model/kinds.ts';
import { normalizeName, wordsOf } from './exact.ts';
import type { NameEntry } from './name-file.ts';
import type { ExactField, NameMatch } from './name-index.ts';
import type { Ranked } from './rank.ts';

export interface MatchReason {
  /** What matched: "Alias", "Formerly", "Description", "Procedure Examples: APT29". */
  label: string;
  /** The name or id that matched, when it is not the title: `Cozy Bear`, `DLL Side-Loading (T1574.002)`. */
  text?: string;
  /** The place on the page the result links to: a part typed by its id, or the row whose text matched. */
  anchor?: string;
  /** The excerpt of that place, with `<mark>` around the matches (Pagefind's). */
  excerptHtml?: string;
}

/** One of Pagefind's sub-results: the page's text before its first anchor, or the text under one. */
export interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}

const EXACT_LABELS: Record<ExactField, string> = {
  id: 'ID',
  part: KINDS.analytic.labels.singular,
  'formerly id': 'Formerly',
  formerly: 'Formerly',
  title: 'Name',
  alias: 'Alias',
  abbreviation: 'Abbreviation',
};

const NAME_LABELS: Record<NameMatch['field'], string> = { title: 'Name', alias: 'Alias', formerly: 'Formerly', abbreviation: 'Abbreviation', keyword: 'Name' };

/** `words` are the query's words (exact.ts `queryWords`). */
export function matchReason(ranked: Ranked, entry: NameEntry, subResults: SubResult[], words: string[]): MatchReason {
  const place = ranked.text ? bestPlace(subResults, words, entry) : undefined;
  const where = place && { excerptHtml: place.excerpt, ...(place.anchor ? { anchor: place.anchor } : {}) };
  if (ranked.exact) {
    const { field, text } = ranked.exact;
    const shown = field === 'formerly' ? formerWithId(entry, text) : text;
    return {
      label: EXACT_LABELS[field],
      ...(field === 'id' || field === 'title' ? {} : { text: shown }),
      ...(field === 'part' ? { anchor: text } : place && { excerptHtml: place.excerpt }),
    };
  }
  const name = ranked.name && ranked.name.score > 0 ? ranked.name : undefined;
  const nameLabel = name && NAME_LABELS[name.field] + (name.field === 'keyword' ? ` (${name.name})` : '');
  const nameText = name && name.field !== 'title' && name.field !== 'keyword' ? (name.field === 'formerly' ? formerWithId(entry, name.name) : name.name) : undefined;
  if (place && (!name || place.anchor)) {
    return { label: [nameLabel && `${nameLabel}${nameText ? ` ${nameText}` : ''}`, place.label].filter(Boolean).join(' · '), ...where };
  }
  return { label: nameLabel ?? 'Text', ...(nameText ? { text: nameText } : {}), ...where };
}

/** An old name with the id it had: `DLL Side-Loading (T1574.002)`. */
function formerWithId(entry: NameEntry, name: string): string {
  const former = entry.formerly?.find((each) => normalizeName(each.name) === normalizeName(name));
  return former ? `${former.name} (${former.id})` : name;
}

/**
 * Where on the page the query's words are: the sub-result whose excerpt marks the most of them,
 * then the row whose title names the most of them (APT29's for `APT29 PowerShell`), then the
 * earliest (the description before the tables).
 */
function bestPlace(subResults: SubResult[], words: string[], entry: NameEntry): { label: string; anchor?: string; excerpt: string } | undefined {
  let best: { place: SubResult; score: number } | undefined;
  for (const place of subResults) {
    const marked = [...place.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].flatMap((match) => wordsOf(match[1]!));
    const inExcerpt = words.filter((word) => marked.some((mark) => sameWord(mark, word))).length;
    if (inExcerpt === 0) continue;
    // The page's own title is no row's: only anchored places are named by their titles.
    const title = place.url.includes('#') ? wordsOf(place.title) : [];
    const inTitle = words.filter((word) => title.some((titleWord) => sameWord(titleWord, word))).length;
    const score = inExcerpt + inTitle / (words.length + 1);
    if (!best || score > best.score) best = { place, score };
  }
  if (!best) return undefined;
  const hash = best.place.url.indexOf('#');
  if (hash < 0) return { label: 'Description', excerpt: best.place.excerpt };
  const anchor = best.place.url.slice(hash + 1);
  // A part shown at its own anchor (an analytic) is named by its id.
  const label = entry.parts?.includes(anchor) ? `${KINDS.analytic.labels.singular} ${anchor}` : best.place.title;
  return { label, anchor, excerpt: best.place.excerpt };
}

/** A marked word of an excerpt against a query word: the same, or one the start of the other (`powershell`, `powershell-based`). */
function sameWord(marked: string, word: string): boolean {
  return marked.startsWith(word) || word.startsWith(marked);
}
