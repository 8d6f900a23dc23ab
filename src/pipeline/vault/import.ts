/** The vault pipeline: read → parse frontmatter → give pages their paths → render → build notes. */
import { readFile } from 'node:fs/promises';
import { paths, type SitePath } from '../../lib/paths.ts';
import type { AttackObject } from '../../model/attack.ts';
import type { Note, VaultFile } from '../../model/notes.ts';
import type { ImportReport } from '../report.ts';
import { parseNote, type ParsedNote } from './frontmatter.ts';
import { assignPaths, buildNote, uniquePath } from './notes.ts';
import { readVault, type VaultAsset } from '../sources/vault.ts';
import { createNoteRenderer, type VaultLinks } from '../render/notes.ts';
import { sanitizeSvg } from '../render/svg.ts';
import { AttackLookup, VaultIndex } from './resolve.ts';

export interface VaultImport {
  notes: Note[];
  vaultfiles: VaultFile[];
  /** Files to publish: where they are, and their vault path. */
  assets: VaultAsset[];
}

export interface AttackData {
  objects: AttackObject[];
  /** What ATT&CK says about an object (by STIX id) in any loaded release, as plain texts (attack-texts.ts). */
  texts(stixId: string): string[];
}

export async function importVault(root: string, attack: AttackData, report: ImportReport, exclude: string[] = []): Promise<VaultImport> {
  const contents = await readVault(root, report, exclude);
  const parsed = contents.notes.map((source) => parseNote(source, root, report));
  const published = parsed.filter((note) => note.publish);
  const notePaths = assignPaths(published, root, report);
  const assetPaths = assetPathsOf(contents.assets);
  const links: VaultLinks = {
    index: new VaultIndex(parsed, contents.assets),
    attack: new AttackLookup(attack.objects),
    notePath: (note) => notePaths.get(note.id),
    assetPath: (asset) => assetPaths.get(asset.file)!,
    tagPath: paths.tag,
  };
  const render = createNoteRenderer(links, report, root).render;
  const context = { ...links, attackTexts: attack.texts, report, vaultRoot: root };
  const used = new Set<VaultAsset>();
  const notes = published.map((note) => {
    const rendered = render(note);
    for (const asset of rendered.assets) used.add(asset);
    return buildNote(note, rendered, tagsOf(note, rendered.inlineTags), context);
  });
  const assets = await publishable([...used].sort((a, b) => (a.file < b.file ? -1 : 1)), report);
  return {
    notes: notes.sort((a, b) => (a.id < b.id ? -1 : 1)),
    vaultfiles: assets.map((asset) => ({ id: asset.file, path: assetPaths.get(asset.file)! })),
    assets,
  };
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
