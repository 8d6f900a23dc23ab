/**
 * The generated folder: what the importer writes and the site reads. `collections/` holds the
 * manifest, the import report, the collections beside the releases' (vault, history, detection
 * content), the files notes embed, the latest release's bundles as read, and under
 * `releases/<release>/` each release's collections. It is replaced as a whole on every import.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Domain } from '../model/domains.ts';
import {
  DETECTION_SCHEMAS,
  HISTORY_SCHEMAS,
  RELEASE_SCHEMAS,
  VAULT_SCHEMAS,
  type DetectionCollections,
  type HistoryCollections,
  type Manifest,
  type ReleaseCollections,
  type VaultCollections,
} from '../model/collections.ts';
import type { VaultHealth } from '../model/notes.ts';

/** Where the importer writes unless told otherwise (`--generated`). */
export const DEFAULT_GENERATED_DIR = '.generated';

export function generatedLayout(generatedDir: string) {
  const collections = join(generatedDir, 'collections');
  return {
    collections,
    manifest: join(collections, 'manifest.json'),
    report: join(collections, 'import-report.json'),
    /** The files notes embed, by their vault path. */
    files: join(collections, 'files'),
    /** The vault's and the history's collections. */
    sharedCollection: (name: string) => join(collections, `${name}.json`),
    releaseCollection: (release: string, name: string) => join(collections, 'releases', release, `${name}.json`),
    /** The latest release's bundle of a domain, as read. */
    stix: (domain: Domain) => join(collections, 'stix', `${domain}.json`),
  };
}

/** A bundle of the latest release as the import read it: its STIX objects, unchanged. */
export interface StixFile {
  source: string;
  domain: Domain;
  release: string;
  objects: Record<string, unknown>[];
}

export type GeneratedLayout = ReturnType<typeof generatedLayout>;

/** Reads what an import wrote. The entries were checked against their schemas when they were written. */
export function generatedReader(generatedDir: string) {
  const layout = generatedLayout(generatedDir);
  return {
    layout,
    manifest: async () => JSON.parse(await readText(layout.manifest)) as Manifest,
    release: (release: string) =>
      readCollections(Object.keys(RELEASE_SCHEMAS), (name) => layout.releaseCollection(release, name)) as Promise<ReleaseCollections>,
    vault: () => readCollections(Object.keys(VAULT_SCHEMAS), layout.sharedCollection) as Promise<VaultCollections>,
    history: () => readCollections(Object.keys(HISTORY_SCHEMAS), layout.sharedCollection) as Promise<HistoryCollections>,
    detections: () => readCollections(Object.keys(DETECTION_SCHEMAS), layout.sharedCollection) as Promise<DetectionCollections>,
    /** The import report's vault health, when a vault was imported. */
    vaultHealth: async () => (JSON.parse(await readText(layout.report)) as { vault?: VaultHealth }).vault,
    stix: async (domain: Domain) => JSON.parse(await readText(layout.stix(domain))) as StixFile,
  };
}

async function readCollections(names: string[], file: (name: string) => string): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, JSON.parse(await readText(file(name)))] as const)));
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: run \`npm run import\` (or \`npm run build\`) first`);
  }
}
