/**
 * Emitting: checks every entry against the model and writes the generated folder
 * (src/lib/generated.ts): each release's collections, those beside them (vault, history, detection
 * content), the files notes embed, the latest bundles as read, the manifest and the import report. The folder is written beside the old one and swapped in, so a
 * failed import never leaves half-written collections behind.
 */
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generatedLayout, type StixFile } from '../../lib/generated.ts';
import {
  COLLECTION_SCHEMAS,
  RELEASE_SCHEMAS,
  SHARED_SCHEMAS,
  VAULT_SCHEMAS,
  type CollectionName,
  type Manifest,
  type SharedCollections,
  type VaultCollections,
} from '../../model/collections.ts';
import { ImportError, type ImportReport } from '../report.ts';
import type { ReleaseImport } from '../run.ts';
import type { Bundle } from '../sources/bundles.ts';
import type { VaultAsset } from '../sources/vault.ts';
import { swapFolder } from './swap-folder.ts';

/** What an import writes. */
export interface Emitted {
  releases: ReleaseImport[];
  /** The vault's, the history's and the detection content's collections. */
  shared: SharedCollections;
  /** The files notes embed. */
  assets: VaultAsset[];
  /** The latest release's bundles, written as read (objects by domain) for the site's STIX downloads. */
  stix: Bundle[];
}

export async function emitCollections({ releases, shared, assets, stix }: Emitted, report: ImportReport, generatedDir: string): Promise<void> {
  const target = generatedLayout(generatedDir).collections;
  const fresh = generatedLayout(`${generatedDir}/.new-${process.pid}`);
  await rm(dirname(fresh.collections), { recursive: true, force: true });
  await mkdir(fresh.files, { recursive: true });
  for (const { release, collections } of releases) {
    for (const name of Object.keys(RELEASE_SCHEMAS) as CollectionName[]) {
      await write(fresh.releaseCollection(release, name), serializeCollection(name, collections[name as keyof typeof collections]));
    }
  }
  for (const name of Object.keys(SHARED_SCHEMAS) as (keyof SharedCollections)[]) {
    await write(fresh.sharedCollection(name), serializeCollection(name, shared[name]));
  }
  for (const bundle of stix) {
    const file: StixFile = { source: bundle.source, domain: bundle.domain, release: bundle.release, objects: bundle.objects };
    await write(fresh.stix(bundle.domain), JSON.stringify(file));
  }
  await write(fresh.report, `${JSON.stringify(report, null, 2)}\n`);
  for (const asset of assets) await publishFile(asset, fresh.files);
  await write(fresh.manifest, manifestOf(releases, shared));
  await mkdir(dirname(target), { recursive: true });
  await swapFolder(fresh.collections, target);
  await rm(dirname(fresh.collections), { recursive: true, force: true });
}

/**
 * Writes the vault's collections, its files and the report into the collections an earlier import
 * of the same releases wrote (it must be there), in place (`npm run dev`, after an edit): each file
 * is written beside its place and renamed over it, and the manifest last, which the site watches.
 */
export async function emitVaultCollections({ releases, shared, assets }: Emitted, report: ImportReport, generatedDir: string): Promise<void> {
  const layout = generatedLayout(generatedDir);
  for (const name of Object.keys(VAULT_SCHEMAS) as (keyof VaultCollections)[]) {
    await replace(layout.sharedCollection(name), serializeCollection(name, shared[name]));
  }
  await replace(layout.report, `${JSON.stringify(report, null, 2)}\n`);
  const published = new Set(assets.map((asset) => join(layout.files, asset.file)));
  for (const file of await readdir(layout.files, { recursive: true }).catch(() => [])) {
    const path = join(layout.files, file);
    if (!published.has(path) && (await stat(path)).isFile()) await rm(path);
  }
  for (const asset of assets) await publishFile(asset, layout.files);
  await replace(layout.manifest, manifestOf(releases, shared));
}

function manifestOf(releases: ReleaseImport[], shared: SharedCollections): string {
  const manifest: Manifest = {
    releases: releases.map(({ release, collections }) => ({ release, counts: counts(collections) })),
    shared: counts(shared),
  };
  return `${JSON.stringify(manifest)}\n`;
}

/** A vault file where the site serves it from: a copy, or what replaces its bytes (a sanitized SVG). */
async function publishFile(asset: VaultAsset, filesDir: string): Promise<void> {
  const copy = join(filesDir, asset.file);
  await mkdir(dirname(copy), { recursive: true });
  if (asset.content === undefined) await copyFile(asset.absolute, copy);
  else await writeFile(copy, asset.content);
}

async function replace(file: string, text: string): Promise<void> {
  const next = `${file}.new-${process.pid}`;
  await writeFile(next, text);
  await rename(next, file);
}

async function write(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

function counts(collections: Record<string, unknown[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(collections).map(([name, entries]) => [name, entries.length]));
}

function serializeCollection(name: CollectionName, entries: { id: string }[]): string {
  const schema = COLLECTION_SCHEMAS[name];
  for (const entry of entries) {
    const result = schema.safeParse(entry);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw ImportError.at({ objectId: entry.id }, `does not fit the ${name} model at ${issue.path.join('.')}: ${issue.message}`);
    }
  }
  return `${JSON.stringify(entries)}\n`;
}
