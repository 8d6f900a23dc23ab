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
import { attackIdPath } from '../../model/ids.ts';
import { KINDS } from '../../model/kinds.ts';
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
  /** The name that matches the query best, as written. */
  name: string;
  field: NameField | 'keyword';
  /**
   * How well that name matches, 0 to 1: high when the name has most of the query's words and the
   * query most of the name's (the harmonic mean of the two shares, each word counted by how well it
   * matched, the query's words also by how few names have them).
   */
  score: number;
  /**
   * When some name of the page is in the query whole (`Emotet` in `emotet banking trojan`), the
   * share of the query it is (its words weighted as in `score`); 0 when none is.
   */
  named: number;
}

/** A name is in the query whole when this share of its words is, counted by how well they matched. */
const WHOLE_NAME = 0.9;

/** How much a word found other than as typed counts. */
export const WORD_QUALITY = { exact: 1, stem: 0.95, joined: 0.95, prefix: 0.85, typo: 0.75 };

const DETECTION_STRATEGY = KINDS.detectionstrategy.labels.singular;

/** Each name is tokenized on its own, so that two names never make a joined word. */
const NAME_SEPARATOR = '\n';

/** Edits allowed in a word: one from five letters, two from eight; none in shorter words, nor in names with digits (APT28 is not APT29). */
function typos(word: string): number {
  if (/\d/.test(word)) return 0;
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

/** A name written without spaces: `Web Shell` and `webshell`, `APT 29` and `APT29` are the same name. */
function compact(name: string): string {
  return normalizeName(name).replace(/ /g, '');
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
  private readonly sections: Record<string, string>;
  private readonly byPage = new Map<string, number>();
  private readonly byName = new Map<string, ExactMatch[]>();
  private readonly byId = new Map<string, ExactMatch[]>();
  private readonly words: MiniSearch<Indexed>;
  private readonly nameWords = new Map<number, { name: string; field: NameField | 'keyword'; words: string[] }[]>();

  constructor(file: NameFile) {
    this.entries = file.entries;
    this.types = file.types;
    this.domains = file.domains;
    this.sections = file.sections;
    this.words = new MiniSearch<Indexed>({ fields: ['names', 'keywords'], idField: 'index', tokenize: nameTokens, processTerm: withStem });
    this.entries.forEach((entry, index) => {
      this.byPage.set(entry.page, index);
      const add = (map: Map<string, ExactMatch[]>, key: string | undefined, match: Omit<ExactMatch, 'entry'>) => {
        if (key) map.set(key, [...(map.get(key) ?? []), { entry: index, ...match }]);
      };
      // Ids are written in their canonical spelling; a query is brought to it (normalizeAttackId).
      if (entry.id) add(this.byId, entry.id, { field: 'id', text: entry.id });
      for (const part of entry.parts ?? []) add(this.byId, part, { field: 'part', text: part });
      for (const { name, id } of entry.formerly ?? []) add(this.byId, id, { field: 'formerly id', text: `${name} (${id})` });
      for (const { name, field } of namesOf(entry)) add(this.byName, compact(name), { field, text: name });
    });
    // Detection strategies' titles are sentences that repeat the techniques' names: their text
    // search (Pagefind) is enough, and leaving them out makes this index a third smaller to build.
    this.words.addAll(
      this.entries.flatMap((entry, index) =>
        this.types[entry.type] === DETECTION_STRATEGY
          ? []
          : [{ index, names: [...new Set(namesOf(entry).map(({ name }) => name))].join(NAME_SEPARATOR), keywords: (entry.keywords ?? []).join(NAME_SEPARATOR) }],
      ),
    );
  }

  /** An entry's page, from the site's root: `/techniques/T1059/001/`. */
  pathOf(entry: NameEntry): string {
    return entry.url ?? `/${this.sections[this.types[entry.type]!]}/${attackIdPath(entry.id ?? '')}/`;
  }

  /** The entry of a page of Pagefind's index. */
  entryOfPage(page: string): number | undefined {
    return this.byPage.get(page);
  }

  /** Pages whose id, a part's id, an old id, or one of whose names is the whole query (spaces aside). */
  exact(query: string): ExactMatch[] {
    const id = normalizeAttackId(query);
    const name = compact(query);
    const matches = [...(id ? (this.byId.get(id) ?? []) : []), ...(name ? (this.byName.get(name) ?? []) : [])];
    return matches.filter((match, index) => matches.findIndex((other) => other.entry === match.entry) === index);
  }

  /** For a typed technique id, its sub-techniques (`T1059` → T1059.001, T1059.002...), in id order. */
  family(query: string): number[] {
    const id = normalizeAttackId(query);
    if (!id || id.includes('.')) return [];
    return this.entries.flatMap((entry, index) => (entry.id?.startsWith(`${id}.`) ? [index] : []));
  }

  /** Pages with any of the words in their names, with how well each word matched and their best matching name. */
  match(words: string[]): Map<number, NameMatch> {
    /** Per entry, per query word: the terms of its names that matched the word, and how well. */
    const found = new Map<number, Map<string, number>[]>();
    const record = (result: SearchResult, position: number, quality: (term: string) => number) => {
      const terms = found.get(result.id as number) ?? words.map(() => new Map<string, number>());
      found.set(result.id as number, terms);
      for (const term of result.terms) terms[position]!.set(term, Math.max(terms[position]!.get(term) ?? 0, quality(term)));
    };
    words.forEach((word, position) => {
      for (const result of this.search(word, { prefix: word.length >= 3, fuzzy: typos })) record(result, position, (term) => termQuality(word, term));
    });
    // Two words typed apart that a name writes as one: `cobalt strike` against `CobaltStrike`.
    words.slice(1).forEach((word, index) => {
      for (const result of this.search(words[index] + word, { prefix: false, fuzzy: () => 0 })) {
        for (const position of [index, index + 1]) record(result, position, () => WORD_QUALITY.joined);
      }
    });
    // A word few names have says more about which page is meant than one many have: `emotet` against `trojan`.
    const weights = words.map((_, position) => {
      const named = [...found.values()].filter((terms) => terms[position]!.size > 0).length;
      return Math.log(1 + this.entries.length / (1 + named));
    });
    return new Map([...found].map(([entry, terms]) => [entry, this.bestName(entry, terms, weights)]));
  }

  /** Searches a word and its stem (withStem), the word alone as the start of longer words: `bank` is no start of `banking`'s. */
  private search(word: string, { prefix, fuzzy }: { prefix: boolean; fuzzy: (term: string) => number }): SearchResult[] {
    return this.words.search(word, {
      prefix: (_, index) => prefix && index === 0,
      fuzzy: (term) => fuzzy(term),
      tokenize: (text) => [text],
      processTerm: withStem,
      combineWith: 'OR',
    });
  }

  /** Scores each name of an entry against the query, its words weighted: the best is the entry's name match. */
  private bestName(entry: number, terms: Map<string, number>[], weights: number[]): NameMatch {
    const words = terms.map((matched) => Math.max(0, ...matched.values()));
    let best: NameMatch = { words, name: '', field: 'title', score: 0, named: 0 };
    let named = 0;
    for (const { name, field, words: nameWords } of this.namesWithWords(entry)) {
      // How well each query word matches each of the name's words (or the word it makes with a neighbour).
      const quality = (position: number, index: number) => {
        const matched = terms[position]!;
        const word = nameWords[index]!;
        const joined = [index > 0 ? nameWords[index - 1] + word : '', nameWords[index + 1] ? word + nameWords[index + 1] : ''];
        // A joined word counts only matched whole: `startup` is the start of `startupitems`, not a match of `items`.
        const whole = (pair: string) => (pair && (matched.get(pair) ?? 0) >= WORD_QUALITY.joined ? matched.get(pair)! : 0);
        return Math.max(matched.get(word) ?? 0, matched.get(stemmer(word)) ?? 0, ...joined.map(whole));
      };
      const content = nameWords.flatMap((word, index) => (isStopWord(word) ? [] : [index]));
      if (content.length === 0) continue;
      const ofQuery =
        terms.reduce((sum, _, position) => sum + weights[position]! * Math.max(0, ...content.map((index) => quality(position, index))), 0) /
        weights.reduce((sum, weight) => sum + weight, 0);
      const ofName = content.reduce((sum, index) => sum + Math.max(0, ...terms.map((_, position) => quality(position, index))), 0) / content.length;
      const score = ofQuery + ofName > 0 ? (2 * ofQuery * ofName) / (ofQuery + ofName) : 0;
      if (ofName >= WHOLE_NAME) named = Math.max(named, ofQuery);
      if (score > best.score) best = { words, name, field, score, named: 0 };
    }
    return { ...best, named };
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
