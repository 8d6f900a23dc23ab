/**
 * The name index: a small file beside Pagefind's index (`pagefind/names.json.gz`) that the search
 * box loads on first search, with every searchable page's names, ids, old names and the
 * abbreviations ATT&CK's text defines for them, each keyed by the page's Pagefind id. With it the
 * box finds names typed loosely (typos, stems, abbreviations, old names) and orders Pagefind's
 * results by kind and id before loading any of them. Written by the build
 * (src/pipeline/emit/search-names.ts); read by src/lib/search/name-index.ts. No imports beyond
 * plain types: the browser bundle uses this module.
 */

/** One searchable page. Arrays are left out when empty. */
export interface NameEntry {
  /** The page's id in Pagefind's index (its results' `id`). */
  page: string;
  /** The page's path from the site's root (`/procedures/zone-transfer-check/`), left out when it is its type's section and its id (`/techniques/T1059/001/`). */
  url?: string;
  /** Index into the file's `types` (the result's badge: "Technique", "Note"). */
  type: number;
  title: string;
  /** The ATT&CK id, when the page has one. */
  id?: string;
  /** Other names: aliases, a sub-technique's own name. */
  aliases?: string[];
  /** Ids of parts the page shows at an anchor of that id (an analytic on its detection strategy's page). */
  parts?: string[];
  /** Names and ids the object had in a loaded release, and those of the revoked objects it replaced. */
  formerly?: FormerName[];
  /** Abbreviations of its whole names ("RDP" for Remote Desktop Protocol): they find it when typed whole. */
  abbreviations?: string[];
  /**
   * Words that count as words of its names without being names: abbreviations of parts of its
   * names ("UAC" for Bypass User Account Control) and what abbreviations in its names stand for.
   */
  keywords?: string[];
  /** Indexes into the file's `domains`. */
  domains?: number[];
}

export interface FormerName {
  name: string;
  id: string;
}

export interface NameFile {
  types: string[];
  /** The URL section of the types whose pages are at `/<section>/<id>/` (`Technique` → `techniques`). */
  sections: Record<string, string>;
  domains: string[];
  /** In path order. */
  entries: NameEntry[];
}

/** Every name of an entry that finds it when typed whole, with what kind of name it is. */
export function namesOf(entry: NameEntry): { name: string; field: NameField }[] {
  return [
    { name: entry.title, field: 'title' as const },
    ...(entry.aliases ?? []).map((name) => ({ name, field: 'alias' as const })),
    ...(entry.formerly ?? []).map(({ name }) => ({ name, field: 'formerly' as const })),
    ...(entry.abbreviations ?? []).map((name) => ({ name, field: 'abbreviation' as const })),
  ];
}

export type NameField = 'title' | 'alias' | 'formerly' | 'abbreviation';
