/**
 * Emitting: checks every entry against the model and writes one JSON file per collection. The
 * folder is replaced as a whole, so a failed import never leaves half-written collections behind.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { swapFolder } from '../lib/swap-folder.ts';
import { attackCollections, type CollectionName, type Collections } from '../../src/model/attack.ts';
import { ImportError, type ImportReport } from './report.ts';

export async function emitCollections(collections: Collections, report: ImportReport, outDir: string): Promise<void> {
  const files = Object.entries(collections).map(([name, entries]) => ({
    name: `${name}.json`,
    content: serializeCollection(name as CollectionName, entries),
  }));
  files.push({ name: 'import-report.json', content: JSON.stringify(report, null, 2) });
  await replaceFolder(outDir, files);
}

function serializeCollection(name: CollectionName, entries: { id: string }[]): string {
  const schema = attackCollections[name];
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

/** Writes the files into a fresh sibling folder, then swaps it in for `folder`. */
async function replaceFolder(folder: string, files: { name: string; content: string }[]): Promise<void> {
  const fresh = `${folder}.new-${process.pid}`;
  await rm(fresh, { recursive: true, force: true });
  await mkdir(fresh, { recursive: true });
  for (const file of files) await writeFile(join(fresh, file.name), file.content);
  await swapFolder(fresh, folder);
}
