/**
 * Reading a vault: every `.md` note and every image it may embed, in any folder depth. Files that
 * cannot be trusted or used are left out with a warning naming them: symlinks that lead outside the
 * vault, anything but plain files (a FIFO would block the read forever), files and folders that
 * cannot be read, binary or non-UTF-8 notes, notes over the size limit, images whose bytes are not
 * the image their name says, SVG images (they can carry script).
 */
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { constants } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { ImportError, type ImportReport } from '../report.ts';

/** Notes larger than this are skipped: no hand-written note is near it. */
export const NOTE_SIZE_LIMIT = 2 * 1024 * 1024;
export const FILE_SIZE_LIMIT = 20 * 1024 * 1024;

/**
 * The files notes may embed, by extension, with the bytes each must start with: a file is
 * published only when its content is what its name says, so that no page can load it as anything
 * else (a script disguised as an image, say). SVG is not published (it can carry script).
 */
export const IMAGE_TYPES: Record<string, { type: string; matches(bytes: Buffer): boolean }> = {
  '.png': { type: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  '.jpg': { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  '.jpeg': { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  '.gif': { type: 'image/gif', matches: (b) => /^GIF8[79]a$/.test(b.toString('latin1', 0, 6)) },
  '.webp': { type: 'image/webp', matches: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
  '.avif': { type: 'image/avif', matches: (b) => b.toString('latin1', 4, 8) === 'ftyp' && /^avi[fs]$/.test(b.toString('latin1', 8, 12)) },
};
export const IMAGE_EXTENSIONS = new Set(Object.keys(IMAGE_TYPES));

/** Bytes read from the start of an image to check what it is. */
const SIGNATURE_BYTES = 16;

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

/** Reads the vault at `root`; a root that is missing or not a folder is a fatal error. */
export async function readVault(root: string, report: ImportReport): Promise<VaultContents> {
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw ImportError.at({ source: root }, `cannot read the notes vault (${error.code ?? error.message})`);
  });
  if (!info.isDirectory()) throw ImportError.at({ source: root }, 'the notes vault is not a folder');
  const realRoot = await realpath(root);
  const contents: VaultContents = { root, notes: [], assets: [] };
  await walk(root, realRoot, contents, report);
  return contents;
}

async function walk(folder: string, realRoot: string, contents: VaultContents, report: ImportReport): Promise<void> {
  let entries;
  try {
    entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (error) {
    report.warn({ source: folder }, `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); its notes are left out`);
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // .obsidian, .trash, .git
    const absolute = join(folder, entry.name);
    const file = relative(contents.root, absolute).split(sep).join('/');
    if (entry.isSymbolicLink() && !(await usableSymlink(absolute, realRoot, report))) continue;
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      await walk(absolute, realRoot, contents, report);
      continue;
    }
    const isNote = entry.name.toLowerCase().endsWith('.md');
    const isImage = IMAGE_EXTENSIONS.has(extname(entry.name).toLowerCase());
    if (!isNote && !isImage) continue;
    if (!info?.isFile()) {
      report.warn({ source: absolute }, info ? 'not a plain file (a pipe, device or socket); left out' : 'cannot read the file; left out');
    } else if (isNote) {
      const note = await readNote(absolute, file, info.size, report);
      if (note) contents.notes.push(note);
    } else if (info.size > FILE_SIZE_LIMIT) {
      report.warn({ source: absolute }, `larger than ${FILE_SIZE_LIMIT / 1024 / 1024} MiB; left out`);
    } else if (await isTheImageItSays(absolute, report)) {
      contents.assets.push({ file, absolute });
    }
  }
}

/** True when the file starts as its extension's image format must; otherwise a warning. */
async function isTheImageItSays(absolute: string, report: ImportReport): Promise<boolean> {
  const bytes = await readStart(absolute, SIGNATURE_BYTES, report);
  if (!bytes) return false;
  const extension = extname(absolute).toLowerCase();
  if (IMAGE_TYPES[extension]!.matches(bytes)) return true;
  report.warn({ source: absolute }, `its bytes are not those of a ${extension.slice(1).toUpperCase()} image; left out`);
  return false;
}

/**
 * Up to `length` bytes of a file, opened without blocking (a FIFO swapped in after the check
 * must not hang the import); undefined, with a warning, when it cannot be read.
 */
async function readStart(absolute: string, length: number, report: ImportReport): Promise<Buffer | undefined> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!(await handle.stat()).isFile()) {
      report.warn({ source: absolute }, 'not a plain file (a pipe, device or socket); left out');
      return undefined;
    }
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } catch (error) {
    report.warn({ source: absolute }, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); left out`);
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** A symlink to a file inside the vault is read; one leading outside, or to a folder, is not. */
async function usableSymlink(absolute: string, realRoot: string, report: ImportReport): Promise<boolean> {
  const target = await realpath(absolute).catch(() => undefined);
  if (!target || !(target === realRoot || target.startsWith(realRoot + sep))) {
    report.warn({ source: absolute }, 'symlink pointing outside the vault (or nowhere); left out');
    return false;
  }
  if ((await stat(target).catch(() => undefined))?.isDirectory()) {
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
  const bytes = await readStart(absolute, size, report);
  if (!bytes) return undefined;
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
