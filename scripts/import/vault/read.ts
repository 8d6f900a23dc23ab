/**
 * Reading a vault: every `.md` note and every image it may embed, in any folder depth. Files that
 * cannot be trusted or used are left out with a warning naming them: symlinks that lead outside the
 * vault, binary or non-UTF-8 notes, notes over the size limit, SVG images (they can carry script).
 */
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { ImportReport } from '../report.ts';

/** Notes larger than this are skipped: no hand-written note is near it, and parsing one is slow. */
export const NOTE_SIZE_LIMIT = 2 * 1024 * 1024;
export const FILE_SIZE_LIMIT = 20 * 1024 * 1024;

/** Raster images are published; SVG is not (served from the site's origin, it could run script). */
export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif']);

export interface VaultNoteSource {
  /** The path inside the vault, with forward slashes: `procedures/Zone Transfer Check.md`. */
  file: string;
  text: string;
}

export interface VaultAsset {
  file: string;
  absolute: string;
}

export interface VaultContents {
  root: string;
  notes: VaultNoteSource[];
  assets: VaultAsset[];
}

export async function readVault(root: string, report: ImportReport): Promise<VaultContents> {
  const realRoot = await realpath(root);
  const contents: VaultContents = { root, notes: [], assets: [] };
  await walk(root, realRoot, contents, report);
  return contents;
}

async function walk(folder: string, realRoot: string, contents: VaultContents, report: ImportReport): Promise<void> {
  const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // .obsidian, .trash, .git
    const absolute = join(folder, entry.name);
    const file = relative(contents.root, absolute).split(sep).join('/');
    if (entry.isSymbolicLink() && !(await usableSymlink(absolute, realRoot, report))) continue;
    const info = await stat(absolute);
    if (info.isDirectory()) {
      await walk(absolute, realRoot, contents, report);
    } else if (entry.name.toLowerCase().endsWith('.md')) {
      const note = await readNote(absolute, file, info.size, report);
      if (note) contents.notes.push(note);
    } else if (IMAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
      if (info.size > FILE_SIZE_LIMIT) report.warn({ source: absolute }, `larger than ${FILE_SIZE_LIMIT / 1024 / 1024} MiB; left out`);
      else contents.assets.push({ file, absolute });
    }
  }
}

/** A symlink to a file inside the vault is read; one leading outside, or to a folder, is not. */
async function usableSymlink(absolute: string, realRoot: string, report: ImportReport): Promise<boolean> {
  const target = await realpath(absolute).catch(() => undefined);
  if (!target || !(target === realRoot || target.startsWith(realRoot + sep))) {
    report.warn({ source: absolute }, 'symlink pointing outside the vault (or nowhere); left out');
    return false;
  }
  if ((await stat(target)).isDirectory()) {
    report.warn({ source: absolute }, 'symlinked folder; left out (its notes are read where they really are)');
    return false;
  }
  return true;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

async function readNote(absolute: string, file: string, size: number, report: ImportReport): Promise<VaultNoteSource | undefined> {
  const source = { source: absolute };
  if (size > NOTE_SIZE_LIMIT) {
    report.warn(source, `note larger than ${NOTE_SIZE_LIMIT / 1024 / 1024} MiB; left out`);
    return undefined;
  }
  const bytes = await readFile(absolute);
  if (bytes.includes(0)) {
    report.warn(source, 'binary file named .md; left out');
    return undefined;
  }
  try {
    return { file, text: UTF8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    report.warn(source, 'not UTF-8 text; left out');
    return undefined;
  }
}
