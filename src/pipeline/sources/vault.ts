/**
 * Reading a vault: every `.md` note and every file it may embed (images, audio, video, PDFs), in
 * any folder depth. Files that cannot be trusted or used are left out with a warning naming them:
 * symlinks that lead outside the vault, anything but plain files (a FIFO would block the read
 * forever), files and folders that cannot be read, binary or non-UTF-8 notes, notes over the size
 * limit, files whose bytes are not the format their name says.
 */
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises';
import { constants, type Stats } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { ImportError, type ImportReport } from '../report.ts';
import { hiddenFiles, type HiddenTest } from './vault-filters.ts';

/** Notes larger than this are skipped: no hand-written note is near it. */
export const NOTE_SIZE_LIMIT = 2 * 1024 * 1024;
export const FILE_SIZE_LIMIT = 20 * 1024 * 1024;

/** How a page shows a file: an image, an audio or video player, or a link (PDFs). */
export type FileKind = 'image' | 'audio' | 'video' | 'pdf';

const startsWith = (text: string) => (bytes: Buffer) => bytes.toString('latin1', 0, text.length) === text;
const isoMedia = (bytes: Buffer) => bytes.toString('latin1', 4, 8) === 'ftyp';
const matroska = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
const riff = (form: string) => (bytes: Buffer) => bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === form;

/**
 * The files notes may embed, by extension (those Obsidian shows), with the bytes each must start
 * with: a file is published only when its content is what its name says, so that no page can load
 * it as anything else (a script disguised as an image, say). SVG images are text: they are
 * published sanitized (src/pipeline/render/svg.ts).
 */
export const FILE_TYPES: Record<string, { kind: FileKind; matches(bytes: Buffer): boolean }> = {
  '.png': { kind: 'image', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  '.jpg': { kind: 'image', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  '.jpeg': { kind: 'image', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  '.gif': { kind: 'image', matches: (b) => /^GIF8[79]a$/.test(b.toString('latin1', 0, 6)) },
  '.webp': { kind: 'image', matches: riff('WEBP') },
  '.avif': { kind: 'image', matches: (b) => isoMedia(b) && /^avi[fs]$/.test(b.toString('latin1', 8, 12)) },
  '.svg': { kind: 'image', matches: (b) => /^(\uFEFF)?\s*</.test(b.toString('utf8')) },
  '.mp3': { kind: 'audio', matches: (b) => startsWith('ID3')(b) || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
  '.ogg': { kind: 'audio', matches: startsWith('OggS') },
  '.oga': { kind: 'audio', matches: startsWith('OggS') },
  '.opus': { kind: 'audio', matches: startsWith('OggS') },
  '.wav': { kind: 'audio', matches: riff('WAVE') },
  '.flac': { kind: 'audio', matches: startsWith('fLaC') },
  '.m4a': { kind: 'audio', matches: isoMedia },
  '.mp4': { kind: 'video', matches: isoMedia },
  '.m4v': { kind: 'video', matches: isoMedia },
  '.mov': { kind: 'video', matches: isoMedia },
  '.ogv': { kind: 'video', matches: startsWith('OggS') },
  '.webm': { kind: 'video', matches: matroska },
  '.mkv': { kind: 'video', matches: matroska },
  '.pdf': { kind: 'pdf', matches: startsWith('%PDF-') },
};
export const FILE_EXTENSIONS = new Set(Object.keys(FILE_TYPES));

/** How pages show a vault file, by its extension (one of FILE_TYPES). */
export function fileKind(file: string): FileKind {
  return FILE_TYPES[extname(file).toLowerCase()]?.kind ?? 'pdf';
}

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
  /** What to publish instead of the file's own bytes (a sanitized SVG). */
  content?: string;
}

export interface VaultContents {
  root: string;
  notes: VaultNoteSource[];
  assets: VaultAsset[];
  /** How many notes and files were left out as hidden (vault-filters.ts). */
  hidden: number;
}

/** Notes read by an earlier import, by path: a note whose size and time have not changed is not read again. */
export type ReadCache = Map<string, { mtimeMs: number; size: number; text: string }>;

export interface ReadOptions {
  /** Globs of vault paths to leave out, besides what Obsidian hides (vault-filters.ts). */
  exclude?: string[];
  cache?: ReadCache;
  /** Told, as files are read, how many of how many. */
  onProgress?(done: number, total: number): void;
}

interface Found {
  file: string;
  absolute: string;
  info: Stats;
  isNote: boolean;
}

/**
 * Reads the vault at `root`, without what it hides; a root that is missing or not a folder is a
 * fatal error. Files are found first, then read, so that progress can be told.
 */
export async function readVault(root: string, report: ImportReport, { exclude = [], cache, onProgress }: ReadOptions = {}): Promise<VaultContents> {
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw ImportError.at({ source: root }, `cannot read the notes vault (${error.code ?? error.message})`);
  });
  if (!info.isDirectory()) throw ImportError.at({ source: root }, 'the notes vault is not a folder');
  const realRoot = await realpath(root);
  const contents: VaultContents = { root, notes: [], assets: [], hidden: 0 };
  const found: Found[] = [];
  await walk(root, realRoot, contents, found, await hiddenFiles(root, exclude, report), report);
  for (const [index, { file, absolute, info, isNote }] of found.entries()) {
    if (isNote) {
      const note = await readNoteOnce(absolute, file, info, report, cache);
      if (note) contents.notes.push(note);
    } else if (info.size > FILE_SIZE_LIMIT) {
      report.warn({ source: absolute }, `larger than ${FILE_SIZE_LIMIT / 1024 / 1024} MiB; left out`);
    } else if (await isWhatItsNameSays(absolute, report)) {
      contents.assets.push({ file, absolute });
    }
    onProgress?.(index + 1, found.length);
  }
  return contents;
}

async function readNoteOnce(absolute: string, file: string, info: Stats, report: ImportReport, cache: ReadCache | undefined): Promise<VaultNoteSource | undefined> {
  const known = cache?.get(absolute);
  if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return { file, text: known.text };
  const note = await readNote(absolute, file, info.size, report);
  if (note) cache?.set(absolute, { mtimeMs: info.mtimeMs, size: info.size, text: note.text });
  return note;
}

async function walk(folder: string, realRoot: string, contents: VaultContents, found: Found[], isHidden: HiddenTest, report: ImportReport): Promise<void> {
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
    if (isHidden(file)) {
      contents.hidden++;
      continue;
    }
    if (entry.isSymbolicLink() && !(await usableSymlink(absolute, realRoot, report))) continue;
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      await walk(absolute, realRoot, contents, found, isHidden, report);
      continue;
    }
    const isNote = entry.name.toLowerCase().endsWith('.md');
    const isFile = FILE_EXTENSIONS.has(extname(entry.name).toLowerCase());
    if (!isNote && !isFile) continue;
    if (info?.isFile()) found.push({ file, absolute, info, isNote });
    else report.warn({ source: absolute }, info ? 'not a plain file (a pipe, device or socket); left out' : 'cannot read the file; left out');
  }
}

/** True when the file starts as its extension's format must; otherwise a warning. */
async function isWhatItsNameSays(absolute: string, report: ImportReport): Promise<boolean> {
  const bytes = await readStart(absolute, SIGNATURE_BYTES, report);
  if (!bytes) return false;
  const extension = extname(absolute).toLowerCase();
  const type = FILE_TYPES[extension]!;
  if (type.matches(bytes)) return true;
  report.warn({ source: absolute }, `its bytes are not those of a ${extension.slice(1).toUpperCase()} ${type.kind === 'pdf' ? 'file' : type.kind}; left out`);
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
