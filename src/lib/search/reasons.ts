/**
 * Why a result matched, as its line under the title says it: its id, a name or alias, an old name,
 * an abbreviation, or where its text has the query (the description, a section, a row of one of
 * its tables, which the result then links to). Pure, for the browser and unit tests.
 */
import { KINDS } from '../../model/kinds.ts';
import { normalizeName } from './exact.ts';
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

export function matchReason(ranked: Ranked, entry: NameEntry, subResults: SubResult[]): MatchReason {
  const place = ranked.text ? bestPlace(subResults) : undefined;
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
  const name = ranked.name && ranked.name.coverage > 0 ? ranked.name : undefined;
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
 * Where on the page the query's words are: the sub-result whose excerpt marks the most different
 * words, the earliest on ties (the description before the tables).
 */
function bestPlace(subResults: SubResult[]): { label: string; anchor?: string; excerpt: string } | undefined {
  let best: { place: SubResult; words: number } | undefined;
  for (const place of subResults) {
    const words = new Set([...place.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => normalizeName(match[1]!))).size;
    if (words > 0 && (!best || words > best.words)) best = { place, words };
  }
  if (!best) return undefined;
  const hash = best.place.url.indexOf('#');
  return hash < 0 ? { label: 'Description', excerpt: best.place.excerpt } : { label: best.place.title, anchor: best.place.url.slice(hash + 1), excerpt: best.place.excerpt };
}
