/**
 * Loading: reads STIX 2.0 and 2.1 bundles (plain, gzip or brotli JSON) from files or http(s)
 * URLs, and tells which ATT&CK domain and release each one holds.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DOMAINS, type Domain } from '../../model/attack.ts';
import { ImportError, type ImportReport } from '../report.ts';

export type RawObject = Record<string, unknown>;

export interface Bundle {
  source: string;
  domain: Domain;
  release: string;
  specVersion: '2.0' | '2.1';
  copyright?: string;
  objects: RawObject[];
}

/**
 * How long a download may take: the server must answer within `headers`, send something at least
 * every `idle`, and finish within `total` (a bundle is at most a few tens of MB).
 */
export interface FetchLimits {
  headers: number;
  idle: number;
  total: number;
}

export const FETCH_LIMITS_MS: FetchLimits = { headers: 30_000, idle: 30_000, total: 300_000 };

/**
 * The most a bundle may hold, uncompressed: over five times the largest ATT&CK release
 * (Enterprise, 45 MB), and well within what Node can parse. Bigger input is refused with a
 * message rather than running the import out of memory.
 */
export const MAX_BUNDLE_BYTES = 256 * 2 ** 20;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A release number, which names the release's pages (`/versions/v18.1/`). */
const SAFE_RELEASE = /^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/;

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function loadBundle(
  source: string,
  options: { release?: string; fetchLimits?: FetchLimits },
  report: ImportReport,
): Promise<Bundle> {
  const bytes = isUrl(source) ? await download(source, options.fetchLimits ?? FETCH_LIMITS_MS) : await readBundleFile(source);
  const json = parseJson(decodeUtf8(decompress(bytes, source, report), source), source);
  const objects = bundleObjects(json, source);
  const collection = objects.find((o) => o.type === 'x-mitre-collection');
  const release =
    stringField(collection, 'x_mitre_version') ?? options.release ?? releaseFromName(source);
  if (!release) {
    report.warn({ source }, 'no release number in the bundle or its name; pass --release');
  } else if (!SAFE_RELEASE.test(release)) {
    throw ImportError.at({ source }, `release ${JSON.stringify(release)} cannot name pages (expected letters, digits, dots and dashes, such as 18.1)`);
  }
  return {
    source,
    domain: bundleDomain(objects, source),
    release: release ?? 'unknown',
    specVersion: collection || objects.some((o) => o.spec_version === '2.1') ? '2.1' : '2.0',
    copyright: copyrightStatement(objects),
    objects,
  };
}

function copyrightStatement(objects: RawObject[]): string | undefined {
  for (const object of objects) {
    const definition = object.type === 'marking-definition' ? (object.definition as RawObject | undefined) : undefined;
    const statement = stringField(definition, 'statement');
    if (statement) return statement;
  }
  return undefined;
}

async function download(source: string, limits: FetchLimits): Promise<Buffer> {
  const controller = new AbortController();
  const stop = (reason: string) => controller.abort(new Error(reason));
  const total = setTimeout(() => stop(`not done within ${limits.total / 1000} s`), limits.total);
  let idle = setTimeout(() => stop(`no response within ${limits.headers / 1000} s`), limits.headers);
  const waitForMore = () => {
    clearTimeout(idle);
    idle = setTimeout(() => stop(`nothing received for ${limits.idle / 1000} s`), limits.idle);
  };
  try {
    const response = await fetch(source, { signal: controller.signal });
    if (!response.ok) {
      throw ImportError.at({ source }, `cannot fetch URL (HTTP ${response.status} ${response.statusText})`);
    }
    waitForMore();
    return await readBody(response, source, waitForMore);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const reason: Error & { cause?: Error } = controller.signal.aborted ? controller.signal.reason : error;
    throw ImportError.at({ source }, `cannot fetch URL (${reason.cause?.message ?? reason.message})`);
  } finally {
    clearTimeout(total);
    clearTimeout(idle);
  }
}

async function readBundleFile(source: string): Promise<Buffer> {
  const cannotRead = (error: Error) => ImportError.at({ source }, `cannot read file (${error.message})`);
  const { size } = await stat(source).catch((error: Error) => {
    throw cannotRead(error);
  });
  if (size > MAX_BUNDLE_BYTES) throw tooLarge(source);
  return readFile(source).catch((error: Error) => {
    throw cannotRead(error);
  });
}

/** The response body, read no further than the size limit; `onChunk` hears of every piece. */
async function readBody(response: Response, source: string, onChunk: () => void): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    onChunk();
    size += chunk.byteLength;
    if (size > MAX_BUNDLE_BYTES) throw tooLarge(source);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Gzip is told by its first bytes, brotli (which has no signature) by the `.br` name. A `.gz` file
 * that is not gzip is tried as brotli, the usual mix-up, with a warning.
 */
function decompress(bytes: Buffer, source: string, report: ImportReport): Buffer {
  const path = (isUrl(source) ? new URL(source).pathname : source).toLowerCase();
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (isGzip) return inflate(() => gunzipSync(bytes, LIMIT), source);
  if (path.endsWith('.br')) return inflate(() => brotliDecompressSync(bytes, LIMIT), source);
  if (path.endsWith('.gz')) {
    const brotli = tryBrotli(bytes);
    if (!brotli) throw ImportError.at({ source }, 'named .gz, but it is not gzip data');
    report.warn({ source }, 'named .gz, but it is brotli data; read as brotli (name it .br)');
    return brotli;
  }
  return bytes;
}

const LIMIT = { maxOutputLength: MAX_BUNDLE_BYTES };

function inflate(run: () => Buffer, source: string): Buffer {
  try {
    return run();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(source);
    throw ImportError.at({ source }, `cannot decompress (${(error as Error).message})`);
  }
}

function tryBrotli(bytes: Buffer): Buffer | undefined {
  try {
    return brotliDecompressSync(bytes, LIMIT);
  } catch {
    return undefined;
  }
}

function tooLarge(source: string): ImportError {
  return ImportError.at({ source }, `larger than ${MAX_BUNDLE_BYTES / 2 ** 20} MB uncompressed, the most a bundle may hold`);
}

/** JSON bundles are UTF-8; a byte-order mark is dropped. Other encodings are named when they can be told. */
function decodeUtf8(bytes: Buffer, source: string): string {
  const start = bytes.subarray(0, 2);
  if (start.equals(Buffer.from([0xff, 0xfe])) || start.equals(Buffer.from([0xfe, 0xff]))) {
    throw ImportError.at({ source }, 'UTF-16 text; JSON bundles must be UTF-8 (save it as UTF-8)');
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const binary = bytes.subarray(0, 1024).includes(0);
    throw ImportError.at({ source }, binary ? 'binary data, not JSON text (if it is compressed, name it .json.gz or .json.br)' : 'not UTF-8 text');
  }
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw ImportError.at({ source }, `invalid JSON (${(error as Error).message})`);
  }
}

function bundleObjects(json: unknown, source: string): RawObject[] {
  const bundle = json as { type?: unknown; objects?: unknown };
  if (typeof json !== 'object' || json === null || bundle.type !== 'bundle') {
    throw ImportError.at({ source }, 'not a STIX bundle (expected an object with "type": "bundle")');
  }
  if (bundle.objects === undefined) throw ImportError.at({ source }, 'the bundle has no "objects" list');
  if (!Array.isArray(bundle.objects)) {
    throw ImportError.at({ source }, `"objects" is not a list (it is ${describeJson(bundle.objects)})`);
  }
  if (bundle.objects.length === 0) throw ImportError.at({ source }, 'the bundle has no objects');
  const notObject = bundle.objects.findIndex((o) => typeof o !== 'object' || o === null || Array.isArray(o));
  if (notObject >= 0) {
    throw ImportError.at({ source }, `objects[${notObject}] is not a JSON object`);
  }
  return bundle.objects as RawObject[];
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function stringField(object: RawObject | undefined, field: string): string | undefined {
  const value = object?.[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `enterprise-attack-18.1.json.br` → `18.1` */
export function releaseFromName(source: string): string | undefined {
  const name = basename(isUrl(source) ? new URL(source).pathname : source);
  return /-v?(\d+\.\d+(?:\.\d+)?)(?:\.stix\d+)?\.json/i.exec(name)?.[1];
}

/** The domain named by the bundle's active matrix, else the one most of its objects claim. */
function bundleDomain(objects: RawObject[], source: string): Domain {
  const votes = new Map<Domain, number>();
  for (const object of objects) {
    const domains = object.x_mitre_domains;
    if (!Array.isArray(domains)) continue;
    const weight = object.type === 'x-mitre-matrix' && object.x_mitre_deprecated !== true ? 1e9 : 1;
    for (const domain of domains) {
      if (isDomain(domain)) votes.set(domain, (votes.get(domain) ?? 0) + weight);
    }
  }
  const [winner] = [...votes].sort((a, b) => b[1] - a[1]);
  if (!winner) {
    throw ImportError.at(
      { source },
      `cannot tell which ATT&CK domain the bundle holds: no object lists one of ${DOMAINS.join(', ')} in x_mitre_domains`,
    );
  }
  return winner[0];
}

export function isDomain(value: unknown): value is Domain {
  return (DOMAINS as readonly unknown[]).includes(value);
}
