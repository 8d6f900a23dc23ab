/**
 * Emitting: checks every entry against the model and writes one JSON file per collection into
 * `<generatedDir>/collections/`, with the vault files notes embed under `files/`. The folder is
 * replaced as a whole, so a failed import never leaves half-written collections behind.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { collectionsFolder } from '../../lib/generated-loader.ts';
import { COLLECTION_SCHEMAS, type CollectionName, type Collections } from '../../model/collections.ts';
import { swapFolder } from './swap-folder.ts';
import { ImportError, type ImportReport } from '../report.ts';
import type { VaultAsset } from '../sources/vault.ts';

export const FILES_FOLDER = 'files';

export async function emitCollections(
  collections: Collections,
  assets: VaultAsset[],
  report: ImportReport,
  generatedDir: string,
): Promise<void> {
  const folder = collectionsFolder(generatedDir);
  const fresh = `${folder}.new-${process.pid}`;
  await rm(fresh, { recursive: true, force: true });
  await mkdir(join(fresh, FILES_FOLDER), { recursive: true });
  for (const [name, entries] of Object.entries(collections)) {
    await writeFile(join(fresh, `${name}.json`), serializeCollection(name as CollectionName, entries));
  }
  const manifest = Object.entries(collections).map(([name, entries]) => ({ id: name, count: entries.length }));
  await writeFile(join(fresh, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
  await writeFile(join(fresh, 'import-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  for (const asset of assets) {
    const target = join(fresh, FILES_FOLDER, asset.file);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(asset.absolute, target);
  }
  await swapFolder(fresh, folder);
}

function serializeCollection(name: CollectionName, entries: { id: string }[]): string {
  const schema = COLLECTION_SCHEMAS[name];
  for (const entry of entries) {
    const result = schema.safeParse(entry);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      throw ImportError.at(
        { objectId: entry.id },
        `does not fit the ${name} model at ${issue.path.join('.')}: ${issue.message}`,
      );
    }
  }
  return `${JSON.stringify(entries)}\n`;
}
