/**
 * Abbreviations as ATT&CK's text defines them: "Remote Desktop Protocol (RDP)". The build reads
 * every indexed page's text for them and keeps the usual meaning of each abbreviation that names
 * something searchable, so that `rdp` finds Remote Desktop Protocol and `server message block`
 * finds SMB/Windows Admin Shares.
 */
import { isStopWord, normalizeName, wordsOf } from './exact.ts';

export interface AbbreviationDefinition {
  /** As written: `RDP`, `PtH`, `C2`. */
  abbreviation: string;
  /** The words it stands for, as written: `Remote Desktop Protocol`. */
  expansion: string;
}

/** `(RDP)`, `(PtH)`, `(C2)`: two to eight letters and digits, at least two of them capitals or a capital and a digit. */
const PARENTHESIZED = /\(([A-Za-z][A-Za-z0-9]{1,7})\)/g;
/** How many words before the parenthesis an expansion may take. */
const MAX_WORDS = 10;

/**
 * The letters an abbreviation's words start with: `C2` is two words starting with C (command and
 * control), `PtH` is p, t, h. Undefined for shapes that are not initials.
 */
function initials(abbreviation: string): string[] | undefined {
  if ((abbreviation.match(/[A-Z]/g) ?? []).length + (abbreviation.match(/[2-9]/g) ?? []).length < 2) return undefined;
  const letters = abbreviation.toLowerCase().replace(/([a-z])([2-9])/g, (_, letter: string, times: string) => letter.repeat(Number(times)));
  return /^[a-z]+$/.test(letters) ? [...letters] : undefined;
}

/** Every definition in a text: the words before each parenthesized abbreviation whose initials spell it. */
export function abbreviationDefinitions(text: string): AbbreviationDefinition[] {
  const definitions: AbbreviationDefinition[] = [];
  for (const match of text.matchAll(PARENTHESIZED)) {
    const letters = initials(match[1]!);
    if (!letters) continue;
    const before = text.slice(Math.max(0, match.index - 200), match.index).split(/[.;:!?()[\]"“”]/).at(-1)!;
    const words = before.split(/[\s/-]+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).slice(-MAX_WORDS);
    const start = expansionStart(words, letters);
    if (start !== undefined) definitions.push({ abbreviation: match[1]!, expansion: words.slice(start).join(' ') });
  }
  return definitions;
}

/**
 * Where the expansion starts: the words are read backwards, each letter taken by the next word
 * that starts with it; stop words ("and", "of") may be passed over.
 */
function expansionStart(words: string[], letters: string[]): number | undefined {
  let word = words.length - 1;
  for (let letter = letters.length - 1; letter >= 0; letter -= 1) {
    while (word >= 0 && normalizeName(words[word]!)[0] !== letters[letter]) {
      if (!isStopWord(normalizeName(words[word]!))) return undefined;
      word -= 1;
    }
    if (word < 0) return undefined;
    word -= 1;
  }
  return word + 1;
}

/** Each abbreviation's usual meaning: the expansion the texts give it most often, and how often. */
export class AbbreviationDictionary {
  private readonly counts = new Map<string, Map<string, { count: number; written: AbbreviationDefinition }>>();

  add(text: string): void {
    for (const definition of abbreviationDefinitions(text)) {
      const key = definition.abbreviation.toLowerCase();
      const expansions = this.counts.get(key) ?? new Map<string, { count: number; written: AbbreviationDefinition }>();
      this.counts.set(key, expansions);
      const expansion = normalizeName(definition.expansion);
      const seen = expansions.get(expansion);
      if (seen) seen.count += 1;
      else expansions.set(expansion, { count: 1, written: definition });
    }
  }

  /** Abbreviation (lower case) → its usual expansion, normalized, the abbreviation as written, and how often the texts define it so. */
  meanings(): Map<string, Meaning> {
    const meanings = new Map<string, Meaning>();
    for (const [key, expansions] of this.counts) {
      const [expansion, usual] = [...expansions].sort(([, a], [, b]) => b.count - a.count)[0]!;
      meanings.set(key, { expansion, abbreviation: usual.written.abbreviation, count: usual.count });
    }
    return meanings;
  }
}

export interface Meaning {
  expansion: string;
  abbreviation: string;
  count: number;
}

/**
 * The looser uses of an abbreviation (for a part of a name, or spelled out for one in a name) need
 * this many definitions and this many letters: two-letter ones (IP, OS) mean too many things.
 */
const LOOSE_USE = { count: 2, letters: 3 };

/**
 * What abbreviations add to a page's names: an abbreviation of a whole name finds the page when
 * typed whole; one of a part of a name, or the meaning of one in a name, adds words to its names.
 */
export function abbreviationsOfNames(names: string[], meanings: Map<string, Meaning>): { abbreviations: string[]; keywords: string[] } {
  const normalized = names.map(normalizeName);
  const words = new Set(normalized.flatMap(wordsOf));
  const abbreviations = new Set<string>();
  const keywords = new Set<string>();
  for (const [key, { expansion, abbreviation, count }] of meanings) {
    if (normalized.includes(expansion)) {
      abbreviations.add(abbreviation);
      continue;
    }
    if (count < LOOSE_USE.count || key.length < LOOSE_USE.letters) continue;
    if (normalized.some((name) => ` ${name} `.includes(` ${expansion} `))) keywords.add(abbreviation);
    if (words.has(key)) keywords.add(expansion);
  }
  return { abbreviations: [...abbreviations], keywords: [...keywords] };
}
