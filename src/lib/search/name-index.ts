/**
 * Names as analysts type them, over the name file (name-file.ts): a whole query that is a page's id,
 * name, alias, old name or abbreviation; and, word by word, names that have the query's words
 * exactly, by stem (`keyloggers`), as a prefix (`kerberoast`), with one typo in a word of five
 * letters or more (`mimkatz`, two in words of eight or more), or written as one word or two
 * (`webshell`, `apt 29`). MiniSearch finds the words; this module says which query word each page
 * matched, how well, and through which of its names. Pure: the browser and the unit tests use it.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { stemmer } from 'stemmer';
import { isStopWord, normalizeAttackId, normalizeName, wordsOf } from './exact.ts';
import { namesOf, type NameEntry, type NameField, type NameFile } from './name-file.ts';

/** What an exact match matched: an id of the page or of a part of it, or one of its names. */
export type ExactField = NameField | 'id' | 'part' | 'formerly id';

export interface ExactMatch {
  entry: number;
  field: ExactField;
  /** The id or name matched, as written (an old id with its old name: `DLL Side-Loading (T1574.002)`). */
  text: string;
}

export interface NameMatch {
  /** Per query word: 1 when a name of the page has it, less for a stem, a prefix or a typo; 0 when none has it. */
  words: number[];
  /** The name that has the most of the query, as written, and the share of its words the query matched (0 to 1). */
  name: string;
  field: NameField | 'keyword';
  coverage: number;
}

/** How much a word found other than as typed counts. */
export const WORD_QUALITY = { exact: 1, stem: 0.95, joined: 0.95, prefix: 0.85, typo: 0.75 };

/** Each name is tokenized on its own, so that two names never make a joined word. */
const NAME_SEPARATOR = '\n';

/** Edits allowed in a word: one from five letters, two from eight; none in shorter words. */
function typos(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

/** A word and its stem (`keyloggers` → `keylogg`), both indexed and both searched. */
function withStem(term: string): string[] {
  const stem = stemmer(term);
  return stem === term ? [term] : [term, stem];
}

/** The words of each name, and each two neighbouring words as one (`web shell` → `webshell`). */
function nameTokens(text: string): string[] {
  return text.split(NAME_SEPARATOR).flatMap((name) => {
    const words = wordsOf(name);
    return [...words, ...words.slice(1).map((word, index) => words[index] + word)];
  });
}

interface Indexed {
  index: number;
  names: string;
  keywords: string;
}

export class NameIndex {
  readonly entries: NameEntry[];
  readonly types: string[];
  readonly domains: string[];
  private readonly byPage = new Map<string, number>();
  private readonly byName = new Map<string, ExactMatch[]>();
  private readonly byId = new Map<string, ExactMatch[]>();
  private readonly words: MiniSearch<Indexed>;
  private readonly nameWords = new Map<number, { name: string; field: NameField | 'keyword'; words: string[] }[]>();

  constructor(file: NameFile) {
    this.entries = file.entries;
    this.types = file.types;
    this.domains = file.domains;
    this.words = new MiniSearch<Indexed>({ fields: ['names', 'keywords'], idField: 'index', tokenize: nameTokens, processTerm: withStem });
    this.entries.forEach((entry, index) => {
      this.byPage.set(entry.page, index);
      const add = (map: Map<string, ExactMatch[]>, key: string | undefined, match: Omit<ExactMatch, 'entry'>) => {
        if (key) map.set(key, [...(map.get(key) ?? []), { entry: index, ...match }]);
      };
      if (entry.id) add(this.byId, normalizeAttackId(entry.id) ?? entry.id, { field: 'id', text: entry.id });
      for (const part of entry.parts ?? []) add(this.byId, normalizeAttackId(part) ?? part, { field: 'part', text: part });
      for (const { name, id } of entry.formerly ?? []) add(this.byId, normalizeAttackId(id) ?? id, { field: 'formerly id', text: `${name} (${id})` });
      for (const { name, field } of namesOf(entry)) add(this.byName, normalizeName(name), { field, text: name });
    });
    this.words.addAll(
      this.entries.map((entry, index) => ({
        index,
        names: namesOf(entry)
          .map(({ name }) => name)
          .join(NAME_SEPARATOR),
        keywords: (entry.keywords ?? []).join(NAME_SEPARATOR),
      })),
    );
  }

  /** The entry of a page of Pagefind's index. */
  entryOfPage(page: string): number | undefined {
    return this.byPage.get(page);
  }

  /** Pages whose id, a part's id, an old id, or one of whose names is the whole query. */
  exact(query: string): ExactMatch[] {
    const id = normalizeAttackId(query);
    const name = normalizeName(query);
    const matches = [...(id ? (this.byId.get(id) ?? []) : []), ...(name ? (this.byName.get(name) ?? []) : [])];
    return matches.filter((match, index) => matches.findIndex((other) => other.entry === match.entry) === index);
  }

  /** For a typed technique id, its sub-techniques (`T1059` → T1059.001, T1059.002...), in id order. */
  family(query: string): number[] {
    const id = normalizeAttackId(query);
    if (!id || id.includes('.')) return [];
    return this.entries.flatMap((entry, index) => (entry.id?.startsWith(`${id}.`) ? [index] : []));
  }

  /** Pages with any of the words in their names, with how well each word matched. */
  match(words: string[]): Map<number, NameMatch> {
    const found = new Map<number, { words: number[]; terms: Set<string> }>();
    const record = (result: SearchResult, positions: number[], quality: number) => {
      const entry = found.get(result.id as number) ?? { words: words.map(() => 0), terms: new Set<string>() };
      found.set(result.id as number, entry);
      for (const position of positions) entry.words[position] = Math.max(entry.words[position]!, quality);
      for (const term of result.terms) entry.terms.add(term);
    };
    words.forEach((word, position) => {
      for (const result of this.search(word, { prefix: word.length >= 3, fuzzy: typos(word) })) {
        record(result, [position], Math.max(...result.terms.map((term) => termQuality(word, term))));
      }
    });
    // Two words typed apart that a name writes as one: `apt 29`, `cobalt strike` against `CobaltStrike`.
    words.slice(1).forEach((word, index) => {
      for (const result of this.search(words[index] + word, { prefix: false, fuzzy: 0 })) record(result, [index, index + 1], WORD_QUALITY.joined);
    });
    return new Map([...found].map(([entry, { words: qualities, terms }]) => [entry, { words: qualities, ...this.bestName(entry, terms) }]));
  }

  private search(term: string, options: { prefix: boolean; fuzzy: number }): SearchResult[] {
    return this.words.search(term, { ...options, tokenize: (text) => [text], processTerm: withStem, combineWith: 'OR' });
  }

  /** The name of an entry with the largest share of its words among the matched terms; the title on ties. */
  private bestName(entry: number, terms: Set<string>): Pick<NameMatch, 'name' | 'field' | 'coverage'> {
    const covered = (words: string[], index: number) => {
      const word = words[index]!;
      const joined = [words[index - 1] ? words[index - 1] + word : '', words[index + 1] ? word + words[index + 1] : ''];
      return terms.has(word) || terms.has(stemmer(word)) || joined.some((pair) => pair && terms.has(pair));
    };
    let best = { name: '', field: 'title' as NameMatch['field'], coverage: 0 };
    for (const { name, field, words } of this.namesWithWords(entry)) {
      const content = words.map((word, index) => ({ word, index })).filter(({ word }) => !isStopWord(word));
      const coverage = content.filter(({ index }) => covered(words, index)).length / Math.max(1, content.length);
      if (coverage > best.coverage) best = { name, field, coverage };
    }
    return best;
  }

  private namesWithWords(entry: number): { name: string; field: NameField | 'keyword'; words: string[] }[] {
    let names = this.nameWords.get(entry);
    if (!names) {
      const { keywords = [] } = this.entries[entry]!;
      names = [...namesOf(this.entries[entry]!), ...keywords.map((name) => ({ name, field: 'keyword' as const }))].map((name) => ({
        ...name,
        words: wordsOf(name.name),
      }));
      this.nameWords.set(entry, names);
    }
    return names;
  }
}

/** How well a term of a name matches a typed word: as typed, by stem, as its start, or with typos. */
function termQuality(word: string, term: string): number {
  if (term === word) return WORD_QUALITY.exact;
  const stem = stemmer(word);
  if (term === stem) return WORD_QUALITY.stem;
  if (term.startsWith(word) || term.startsWith(stem)) return WORD_QUALITY.prefix;
  return WORD_QUALITY.typo;
}
