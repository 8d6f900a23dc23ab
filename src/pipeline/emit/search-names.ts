/**
 * Writes the name index (src/lib/search/name-file.ts) after Pagefind has indexed the site: every
 * page Pagefind indexed, under its Pagefind id, with its names and ids from the page's search
 * entry, the names and ids it had in every loaded release (src/lib/search/history.ts), and the
 * abbreviations that the indexed text defines for its names (src/lib/search/abbreviations.ts).
 * Gzipped, as Pagefind's own files are, so that every host serves it small.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { AttackGraph } from '../../lib/graph.ts';
import { generatedReader } from '../../lib/generated.ts';
import { paths } from '../../lib/paths.ts';
import { AbbreviationDictionary, abbreviationsOfNames } from '../../lib/search/abbreviations.ts';
import { formerNames } from '../../lib/search/history.ts';
import type { NameEntry, NameFile } from '../../lib/search/name-file.ts';
import { Detections } from '../../lib/detections.ts';
import { atomicTestsSearchEntry, sigmaRuleSearchEntry } from '../../lib/search/detection-entry.ts';
import { noteSearchEntry } from '../../lib/search/note-entry.ts';
import { objectSearchEntry } from '../../lib/search/object-entry.ts';
import type { SearchEntry } from '../../lib/search/schema.ts';
import { attackIdPath } from '../../model/ids.ts';
import { KINDS, OBJECT_PAGE_KINDS } from '../../model/kinds.ts';
import type { FormerName } from '../../lib/search/name-file.ts';

export interface NameIndexStats {
  pages: number;
  abbreviations: number;
  formerNames: number;
  bytes: number;
}

/** What a page's Pagefind fragment holds that the name index needs. */
interface Fragment {
  page: string;
  url: string;
  content: string;
}

/** Pagefind's fragments are gzipped JSON after this signature (pagefind.js checks it too). */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

export async function writeNameIndex(siteDir: string, generatedDir: string): Promise<NameIndexStats> {
  const folder = join(siteDir, 'pagefind', 'fragment');
  const names = (await readdir(folder)).filter((file) => file.endsWith('.pf_fragment'));
  const files = new Map(await Promise.all(names.map(async (name) => [`fragment/${name}`, await readFile(join(folder, name))] as const)));
  const { compressed, stats } = await nameIndex(files, generatedDir);
  await writeFile(join(siteDir, ...paths.searchNames().split('/').filter(Boolean)), compressed);
  return stats;
}

/** The name file of a Pagefind index (its files by their path below `pagefind/`), gzipped, and what it holds. */
export async function nameIndex(files: ReadonlyMap<string, Uint8Array>, generatedDir: string): Promise<{ compressed: Buffer; stats: NameIndexStats }> {
  const [fragments, pages] = await Promise.all([readFragments(files), searchablePages(generatedDir)]);
  const dictionary = new AbbreviationDictionary();
  for (const fragment of fragments) dictionary.add(fragment.content);
  const meanings = dictionary.meanings();
  const types: string[] = [];
  const sections: Record<string, string> = {};
  const domains: string[] = [];
  const indexOf = (list: string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.push(value) - 1);
  const entries = fragments.map((fragment): NameEntry => {
    const page = pages.get(fragment.url);
    if (!page) throw new Error(`The search index has ${fragment.url}, which has no search entry: every indexed page needs one (Layout's \`search\`)`);
    const { entry, formerly, section } = page;
    if (section) sections[entry.type] = section;
    const names = [entry.title, ...(entry.aliases ?? []), ...formerly.map(({ name }) => name)];
    const { abbreviations, keywords } = abbreviationsOfNames(names, meanings);
    return withoutEmpty({
      page: fragment.page,
      url: section && entry.id && `/${section}/${attackIdPath(entry.id)}/` === fragment.url ? undefined : fragment.url,
      type: indexOf(types, entry.type),
      title: entry.title,
      id: entry.id,
      aliases: entry.aliases,
      parts: entry.parts,
      formerly,
      abbreviations,
      keywords,
      domains: (entry.filters?.domain ?? []).map((domain) => indexOf(domains, domain)),
    });
  });
  const file: NameFile = { types, sections, domains, entries };
  const compressed = await promisify(gzip)(JSON.stringify(file), { level: 9 });
  const stats = {
    pages: entries.length,
    abbreviations: meanings.size,
    formerNames: entries.reduce((sum, entry) => sum + (entry.formerly?.length ?? 0), 0),
    bytes: compressed.length,
  };
  return { compressed, stats };
}

async function readFragments(files: ReadonlyMap<string, Uint8Array>): Promise<Fragment[]> {
  const fragmentFiles = [...files].filter(([path]) => /^fragment\/[^/]+\.pf_fragment$/.test(path));
  const fragments = await Promise.all(
    fragmentFiles.map(async ([path, bytes]) => {
      const text = (await promisify(gunzip)(bytes)).toString('utf8');
      if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`pagefind/${path}: not a Pagefind fragment of the version this build knows`);
      const { url, content } = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { url: string; content: string };
      return { page: path.replace(/^fragment\/|\.pf_fragment$/g, ''), url, content };
    }),
  );
  // In path order: the same site gives the same file, and neighbours (a technique and its sub-techniques) compress together.
  return fragments.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

interface SearchablePage {
  entry: SearchEntry;
  formerly: FormerName[];
  /** For ATT&CK objects, the URL section of their kind. */
  section?: string;
}

/** Every page with a search entry, by path: active ATT&CK objects of the latest release, with their old names, notes, Sigma rules and Atomic tests. */
async function searchablePages(generatedDir: string): Promise<Map<string, SearchablePage>> {
  const reader = generatedReader(generatedDir);
  const releases = (await reader.manifest()).releases.map(({ release }) => release);
  const graphs = await Promise.all(releases.map(async (release) => new AttackGraph(await reader.release(release))));
  const latest = graphs.at(-1);
  const former = formerNames(graphs);
  const pages = new Map<string, SearchablePage>();
  for (const kind of OBJECT_PAGE_KINDS) {
    for (const object of latest?.active(kind) ?? []) {
      pages.set(object.path, { entry: objectSearchEntry(object, latest!), formerly: former.get(object.id) ?? [], section: KINDS[kind].collection });
    }
  }
  for (const note of (await reader.vault()).notes) pages.set(note.path, { entry: noteSearchEntry(note), formerly: [] });
  const detections = new Detections(await reader.detections());
  for (const rule of detections.rules) pages.set(rule.path, { entry: sigmaRuleSearchEntry(rule), formerly: [] });
  for (const tests of detections.testPages()) pages.set(tests[0]!.page, { entry: atomicTestsSearchEntry(tests), formerly: [] });
  return pages;
}

/** Leaves out empty arrays and missing values: every entry costs each searcher bytes. */
function withoutEmpty(entry: NameEntry): NameEntry {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))) as NameEntry;
}
