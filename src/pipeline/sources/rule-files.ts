/**
 * Reading detection content: the YAML files of a Sigma rules folder or an Atomic Red Team
 * `atomics/` folder, and the licence notices beside them. A source is a folder, or a packed file
 * (`.json.br`, written by `npm run vendor`) that holds the same files: the repository vendors
 * SigmaHQ's rules and Atomic Red Team's tests that way, so that a fresh clone builds with no
 * network.
 *
 * Files that cannot be read safely are left out with a warning naming them: larger than the YAML
 * limit, not UTF-8, not plain files, symlinks leading outside the folder, unreadable folders.
 */
import { constants } from 'node:fs';
import { open, readdir, readFile, realpath, stat, type FileHandle } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { z } from 'astro/zod';
import { ImportError, type ImportReport } from '../report.ts';
import { MAX_YAML_BYTES } from './yaml.ts';

export interface RuleFile {
  /** The path inside the source, with forward slashes: `windows/process_creation/x.yml`. */
  path: string;
  text: string;
}

/** A licence or readme that travels with the files: shown on the site. */
export interface Notice {
  name: string;
  text: string;
}

export interface RuleSource {
  /** The folder or packed file, as given. */
  source: string;
  files: RuleFile[];
  notices: Notice[];
}

/** Which YAML files of a folder belong to the source: all of them, or those named like an Atomic technique file. */
export type FileFilter = (name: string) => boolean;

/** Notices are the licence and readme files at the top of the source or of the folder above it. */
const NOTICE_NAME = /^(licen[cs]e|copying|readme)(\.(md|txt))?$/i;
/** The most notice text kept from one file. */
const MAX_NOTICE_BYTES = 64 * 1024;
const PACK_FORMAT = 'attack-kb-rule-files';

const packSchema = z.object({
  format: z.literal(PACK_FORMAT),
  files: z.array(z.object({ path: z.string(), text: z.string() })),
  notices: z.array(z.object({ name: z.string(), text: z.string() })),
});

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function isPackedSource(source: string): boolean {
  return source.endsWith('.json.br');
}

/** Reads a folder or a packed file. A source that does not exist or cannot be read is an error. */
export async function readRuleSource(source: string, accept: FileFilter, report: ImportReport): Promise<RuleSource> {
  if (isPackedSource(source)) return readPacked(source, accept, report);
  const info = await stat(source).catch((error: NodeJS.ErrnoException) => {
    throw ImportError.at({ source }, `cannot read the folder (${error.code ?? error.message})`);
  });
  if (!info.isDirectory()) throw ImportError.at({ source }, 'not a folder, nor a packed .json.br file');
  const files: RuleFile[] = [];
  await walk(source, await realpath(source), source, accept, files, report);
  return { source, files, notices: await readNotices(source) };
}

/** The bytes of a packed file of the folder's rule files and notices (brotli JSON, same input gives same bytes). */
export async function packRuleSource(folder: string, accept: FileFilter, report: ImportReport): Promise<Buffer> {
  const { files, notices } = await readRuleSource(folder, accept, report);
  const json = JSON.stringify({ format: PACK_FORMAT, files, notices });
  return brotliCompressSync(json, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: json.length } });
}

async function readPacked(source: string, accept: FileFilter, report: ImportReport): Promise<RuleSource> {
  let parsed: z.infer<typeof packSchema>;
  try {
    const json = UTF8.decode(brotliDecompressSync(await readFile(source), { maxOutputLength: 512 * 2 ** 20 }));
    parsed = packSchema.parse(JSON.parse(json));
  } catch (error) {
    throw ImportError.at({ source }, `not a packed rules file (${firstLine(error)})`);
  }
  const files = parsed.files.filter((file) => {
    if (!accept(basename(file.path))) return false;
    if (Buffer.byteLength(file.text) <= MAX_YAML_BYTES) return true;
    report.warn({ source: `${source}:${file.path}` }, `larger than ${MAX_YAML_BYTES / 1024} KiB; left out`);
    return false;
  });
  return { source, files, notices: parsed.notices };
}

async function walk(root: string, realRoot: string, folder: string, accept: FileFilter, files: RuleFile[], report: ImportReport): Promise<void> {
  let entries;
  try {
    entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (error) {
    report.warn({ source: folder }, `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); its files are left out`);
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue; // .git, .github
    const absolute = join(folder, entry.name);
    if (entry.isSymbolicLink() && !(await insideRoot(absolute, realRoot, report))) continue;
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      if (!entry.isSymbolicLink()) await walk(root, realRoot, absolute, accept, files, report);
      continue;
    }
    if (!/\.ya?ml$/i.test(entry.name) || !accept(entry.name)) continue;
    const text = await readYamlFile(absolute, info?.size, report);
    if (text !== undefined) files.push({ path: relative(root, absolute).split(sep).join('/'), text });
  }
}

async function readYamlFile(absolute: string, size: number | undefined, report: ImportReport): Promise<string | undefined> {
  const source = { source: absolute };
  if (size === undefined) {
    report.warn(source, 'cannot read the file; left out');
    return undefined;
  }
  if (size > MAX_YAML_BYTES) {
    report.warn(source, `larger than ${MAX_YAML_BYTES / 1024} KiB; left out`);
    return undefined;
  }
  let handle: FileHandle | undefined;
  try {
    // Opened without blocking: a FIFO named .yml must not hang the import.
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    if (!(await handle.stat()).isFile()) {
      report.warn(source, 'not a plain file (a pipe, device or socket); left out');
      return undefined;
    }
    const bytes = Buffer.alloc(size);
    const { bytesRead } = await handle.read(bytes, 0, size, 0);
    return UTF8.decode(bytes.subarray(0, bytesRead)).replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = error instanceof TypeError ? 'not UTF-8 text' : `cannot read the file (${(error as NodeJS.ErrnoException).code ?? firstLine(error)})`;
    report.warn(source, `${reason}; left out`);
    return undefined;
  } finally {
    await handle?.close();
  }
}

async function insideRoot(absolute: string, realRoot: string, report: ImportReport): Promise<boolean> {
  const target = await realpath(absolute).catch(() => undefined);
  if (target && (target === realRoot || target.startsWith(realRoot + sep))) return true;
  report.warn({ source: absolute }, 'symlink pointing outside the folder (or nowhere); left out');
  return false;
}

/** The licence and readme files at the top of the folder, else of the folder above it (`sigma/` above `sigma/rules/`). */
async function readNotices(folder: string): Promise<Notice[]> {
  for (const candidate of [folder, join(folder, '..')]) {
    const names = (await readdir(candidate).catch(() => [] as string[])).filter((name) => NOTICE_NAME.test(name)).sort();
    const notices: Notice[] = [];
    for (const name of names) {
      const bytes = await readFile(join(candidate, name)).catch(() => undefined);
      if (!bytes || bytes.length > MAX_NOTICE_BYTES) continue;
      try {
        notices.push({ name, text: UTF8.decode(bytes) });
      } catch {
        // a notice that is not text is not shown
      }
    }
    if (notices.some((notice) => /^(licen[cs]e|copying)/i.test(notice.name))) return notices;
  }
  return [];
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split('\n')[0]!;
}
