/**
 * Loading: reads STIX 2.0 and 2.1 bundles (plain, gzip or brotli JSON) from files or http(s)
 * URLs, and tells which ATT&CK domain and release each one holds.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DOMAINS, type Domain } from '../../src/model/attack.ts';
import { ImportError, type ImportReport } from './report.ts';

export type RawObject = Record<string, unknown>;

export interface Bundle {
  source: string;
  domain: Domain;
  release: string;
  specVersion: '2.0' | '2.1';
  copyright?: string;
  objects: RawObject[];
}

const FETCH_TIMEOUT_MS = 120_000;

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function loadBundle(
  source: string,
  options: { release?: string },
  report: ImportReport,
): Promise<Bundle> {
  const bytes = await readSource(source);
  const json = parseJson(decompress(bytes, source), source);
  const objects = bundleObjects(json, source);
  const collection = objects.find((o) => o.type === 'x-mitre-collection');
  const release =
    stringField(collection, 'x_mitre_version') ?? options.release ?? releaseFromName(source);
  if (!release) {
    report.warn({ source }, 'no release number in the bundle or its name; pass --release');
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

async function readSource(source: string): Promise<Buffer> {
  if (!isUrl(source)) {
    try {
      return await readFile(source);
    } catch (error) {
      throw ImportError.at({ source }, `cannot read file (${(error as Error).message})`);
    }
  }
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw ImportError.at({ source }, `cannot fetch URL (${reason})`);
  }
  if (!response.ok) {
    throw ImportError.at({ source }, `cannot fetch URL (HTTP ${response.status} ${response.statusText})`);
  }
  return Buffer.from(await response.arrayBuffer());
}

function decompress(bytes: Buffer, source: string): string {
  const path = isUrl(source) ? new URL(source).pathname : source;
  try {
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString('utf8');
    if (path.endsWith('.br')) return brotliDecompressSync(bytes).toString('utf8');
  } catch (error) {
    throw ImportError.at({ source }, `cannot decompress (${(error as Error).message})`);
  }
  return bytes.toString('utf8');
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
  if (!Array.isArray(bundle.objects) || bundle.objects.length === 0) {
    throw ImportError.at({ source }, 'the bundle has no objects');
  }
  const notObject = bundle.objects.findIndex((o) => typeof o !== 'object' || o === null || Array.isArray(o));
  if (notObject >= 0) {
    throw ImportError.at({ source }, `objects[${notObject}] is not a JSON object`);
  }
  return bundle.objects as RawObject[];
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
