/**
 * The vault pipeline: read → parse frontmatter → give pages their paths → render → build notes.
 *
 * Given the cache of an earlier import (`npm run dev` keeps one), only what changed is done again:
 * a note is read again when its size or time changed, parsed again when its text changed, and
 * rendered again when its text changed or when one of the lookups its rendering made (the notes
 * and files its links found, their page paths, the text of the notes it embeds) gives another
 * answer now. Each note's warnings are kept with it and reported again.
 */
import { readFile } from 'node:fs/promises';
import type { HistoryIndex } from '../../lib/history.ts';
import { paths, type SitePath } from '../../lib/paths.ts';
import type { AttackObject } from '../../model/attack.ts';
import type { Note, VaultFile } from '../../model/notes.ts';
import { ImportReport } from '../report.ts';
import { parseNote, type ParsedNote } from './frontmatter.ts';
import { assignPaths, buildNote, teamHtmlOf, uniquePath, type NoteContext, type NoteRendering } from './notes.ts';
import { readVault, type ReadCache, type VaultAsset } from '../sources/vault.ts';
import { createNoteRenderer, type Dependency, type VaultLinks } from '../render/notes.ts';
import { sanitizeSvg } from '../render/svg.ts';
import { AttackLookup, VaultIndex } from './resolve.ts';
import { vaultHealth } from './health.ts';

export interface VaultImport {
  notes: Note[];
  vaultfiles: VaultFile[];
  /** Files to publish: where they are, and their vault path. */
  assets: VaultAsset[];
  /** How many notes were rendered again (the others came from the cache). */
  rendered: number;
}

export interface AttackData {
  objects: AttackObject[];
  /** What ATT&CK says about an object (by STIX id) in any loaded release, as plain texts (attack-texts.ts). */
  texts(stixId: string): string[];
  /** Names the ATT&CK data: renderings made from other data are not reused. */
  key: string;
  /** How the loaded releases changed each object, when there are several. */
  history?: HistoryIndex;
}

/** What one import leaves for the next. */
export interface VaultCache {
  files: ReadCache;
  parsed: Map<string, { hash: string; note: ParsedNote; problems: ImportReport }>;
  rendered: Map<string, CachedRendering>;
  attackKey?: string;
}

interface CachedRendering extends NoteRendering {
  hash: string;
  dependencies: Dependency[];
  problems: ImportReport;
}

export function createVaultCache(): VaultCache {
  return { files: new Map(), parsed: new Map(), rendered: new Map() };
}

export interface VaultImportOptions {
  exclude?: string[];
  cache?: VaultCache;
  /** Told how far the import is: a stage, or files read of the total. */
  progress?: { stage(name: string): void; count(what: string, done: number, total: number): void };
}

export async function importVault(root: string, attack: AttackData, report: ImportReport, options: VaultImportOptions = {}): Promise<VaultImport> {
  const cache = options.cache ?? createVaultCache();
  if (cache.attackKey !== attack.key) cache.rendered.clear();
  cache.attackKey = attack.key;
  const { progress } = options;
  progress?.stage('reading the vault');
  const contents = await readVault(root, report, {
    exclude: options.exclude,
    cache: cache.files,
    onProgress: (done, total) => progress?.count('files read', done, total),
  });
  const parsed = contents.notes.map((source) => parsedNote(source.file, source.text, root, cache, report));
  const published = parsed.filter((note) => note.publish);
  const notePaths = assignPaths(published, root, report);
  const assetPaths = assetPathsOf(contents.assets);
  const links: VaultLinks = {
    index: new VaultIndex(parsed, contents.assets),
    attack: new AttackLookup(attack.objects, attack.history),
    notePath: (note) => notePaths.get(note.id),
    assetPath: (asset) => assetPaths.get(asset.file)!,
    tagPath: paths.tag,
  };
  const renderer = createNoteRenderer(links, root);
  const context: NoteContext = { ...links, attackTexts: attack.texts, report, vaultRoot: root };
  const holds = dependencyTest(links, parsed, notePaths, assetPaths);
  const assetsByFile = new Map(contents.assets.map((asset) => [asset.file, asset]));
  const used = new Set<VaultAsset>();
  let rendered = 0;
  progress?.stage(`rendering ${published.length} notes`);
  const notes = published.map((note, index) => {
    let rendering = cache.rendered.get(note.id);
    if (!rendering || rendering.hash !== note.hash || !rendering.dependencies.every(holds)) {
      const problems = new ImportReport();
      const result = renderer.render(note, problems);
      rendering = {
        html: result.html,
        excerpt: result.excerpt,
        inlineTags: result.inlineTags,
        linksToNotes: result.linksToNotes,
        linksToAttack: result.linksToAttack.map((object) => object.id),
        files: result.assets.map((asset) => asset.file),
        teamHtml: teamHtmlOf(note, result, context),
        hash: note.hash,
        dependencies: result.dependencies,
        problems,
      };
      cache.rendered.set(note.id, rendering);
      rendered++;
    }
    progress?.count('notes rendered', index + 1, published.length);
    report.absorb(rendering.problems);
    for (const file of rendering.files) used.add(assetsByFile.get(file)!);
    return buildNote(note, rendering, tagsOf(note, rendering.inlineTags), context);
  });
  forgetMissing(cache, parsed);
  const assets = await publishable([...used].sort((a, b) => (a.file < b.file ? -1 : 1)), report);
  notes.sort((a, b) => (a.id < b.id ? -1 : 1));
  report.vault = vaultHealth(root, notes, assets.length, contents.hidden, report, attack.history);
  return {
    notes,
    vaultfiles: assets.map((asset) => ({ id: asset.file, path: assetPaths.get(asset.file)! })),
    assets,
    rendered,
  };
}

/** A note parsed once per text; its warnings kept and told again. */
function parsedNote(file: string, text: string, root: string, cache: VaultCache, report: ImportReport): ParsedNote {
  const known = cache.parsed.get(file);
  const entry = known?.note.text === text ? known : undefined;
  if (entry) {
    report.absorb(entry.problems);
    return entry.note;
  }
  const problems = new ImportReport();
  const note = parseNote({ file, text }, root, problems);
  cache.parsed.set(file, { hash: note.hash, note, problems });
  report.absorb(problems);
  return note;
}

/** Whether a lookup an earlier rendering made gives the same answer in this import. */
function dependencyTest(links: VaultLinks, notes: ParsedNote[], notePaths: Map<string, SitePath>, assetPaths: Map<string, SitePath>) {
  const hashes = new Map(notes.map((note) => [note.id, note.hash]));
  return (dependency: Dependency): boolean => {
    switch (dependency.kind) {
      case 'note':
        return links.index.findNote(dependency.target)?.id === dependency.id;
      case 'asset':
        return links.index.findAsset(dependency.target, dependency.folder)?.file === dependency.file;
      case 'path':
        return (dependency.id.startsWith('file:') ? assetPaths.get(dependency.id.slice(5)) : notePaths.get(dependency.id)) === dependency.path;
      case 'text':
        return hashes.get(dependency.id) === dependency.hash;
    }
  };
}

/** Drops what the cache holds of notes that are gone. */
function forgetMissing(cache: VaultCache, notes: ParsedNote[]): void {
  const files = new Set(notes.map((note) => note.file));
  const ids = new Set(notes.map((note) => note.id));
  for (const file of cache.parsed.keys()) if (!files.has(file)) cache.parsed.delete(file);
  for (const id of cache.rendered.keys()) if (!ids.has(id)) cache.rendered.delete(id);
}

/** The files to publish, SVG images sanitized (those that hold no SVG left out, with a warning). */
async function publishable(assets: VaultAsset[], report: ImportReport): Promise<VaultAsset[]> {
  const kept: VaultAsset[] = [];
  for (const asset of assets) {
    if (!asset.file.toLowerCase().endsWith('.svg')) {
      kept.push(asset);
      continue;
    }
    const content = sanitizeSvg(await readFile(asset.absolute, 'utf8'));
    if (content === undefined) report.warn({ source: asset.absolute }, 'holds no SVG image; left out');
    else kept.push({ ...asset, content });
  }
  return kept;
}

/** Frontmatter tags then inline ones, each once whatever its case. */
function tagsOf(note: ParsedNote, inlineTags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of [...note.tags, ...inlineTags]) {
    if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

/** `/files/<slugged folders>/<slugged name>.<ext>`: safe to write, unique per file. */
function assetPathsOf(assets: VaultAsset[]): Map<string, SitePath> {
  const assigned = new Map<string, SitePath>();
  const taken = new Set<SitePath>();
  for (const asset of assets) {
    const folders = asset.file.split('/');
    const name = folders.pop()!;
    const dot = name.lastIndexOf('.');
    const wanted = paths.file(folders, name.slice(0, dot), name.slice(dot).toLowerCase());
    const path = uniquePath(wanted, asset.file, taken);
    taken.add(path);
    assigned.set(asset.file, path);
  }
  return assigned;
}
