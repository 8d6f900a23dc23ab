/**
 * Emitting: checks every entry against the model and writes the generated folder
 * (src/lib/generated.ts): each release's collections, the vault's, the detection content's, the files notes embed, the
 * manifest and the import report. The folder is written beside the old one and swapped in, so a
 * failed import never leaves half-written collections behind.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generatedLayout, type StixFile } from '../../lib/generated.ts';
import {
  COLLECTION_SCHEMAS,
  DETECTION_SCHEMAS,
  RELEASE_SCHEMAS,
  VAULT_SCHEMAS,
  type CollectionName,
  type DetectionCollections,
  type Manifest,
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
  vault: VaultCollections;
  detections: DetectionCollections;
  /** The files notes embed. */
  assets: VaultAsset[];
  /** The latest release's bundles, written as read (objects by domain) for the site's STIX downloads. */
  stix: Bundle[];
}

export async function emitCollections({ releases, vault, detections, assets, stix }: Emitted, report: ImportReport, generatedDir: string): Promise<void> {
  const target = generatedLayout(generatedDir).collections;
  const fresh = generatedLayout(`${generatedDir}/.new-${process.pid}`);
  await rm(dirname(fresh.collections), { recursive: true, force: true });
  await mkdir(fresh.files, { recursive: true });
  for (const { release, collections } of releases) {
    for (const name of Object.keys(RELEASE_SCHEMAS) as CollectionName[]) {
      await write(fresh.releaseCollection(release, name), serializeCollection(name, collections[name as keyof typeof collections]));
    }
  }
  for (const name of Object.keys(VAULT_SCHEMAS) as (keyof VaultCollections)[]) {
    await write(fresh.vaultCollection(name), serializeCollection(name, vault[name]));
  }
  for (const name of Object.keys(DETECTION_SCHEMAS) as (keyof DetectionCollections)[]) {
    await write(fresh.vaultCollection(name), serializeCollection(name, detections[name]));
  }
  const manifest: Manifest = {
    releases: releases.map(({ release, collections }) => ({ release, counts: counts(collections) })),
    vault: counts(vault),
    detections: counts(detections),
  };
  for (const bundle of stix) {
    const file: StixFile = { source: bundle.source, domain: bundle.domain, release: bundle.release, objects: bundle.objects };
    await write(fresh.stix(bundle.domain), JSON.stringify(file));
  }
  await write(fresh.manifest, `${JSON.stringify(manifest)}\n`);
  await write(fresh.report, `${JSON.stringify(report, null, 2)}\n`);
  for (const asset of assets) {
    const copy = join(fresh.files, asset.file);
    await mkdir(dirname(copy), { recursive: true });
    await copyFile(asset.absolute, copy);
  }
  await mkdir(dirname(target), { recursive: true });
  await swapFolder(fresh.collections, target);
  await rm(dirname(fresh.collections), { recursive: true, force: true });
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
