/**
 * Every ATT&CK object of the live release as JSON beside its page: its STIX object as the bundle
 * holds it (`/techniques/T1059/001/T1059.001-stix.json`) and the site's normalized form
 * (`T1059.001.json`, the collection entry the page is made from). Written straight into the built
 * site when the pages are done: thousands of small files that need no page machinery.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generatedReader } from '../lib/generated.ts';
import { paths, type SitePath } from '../lib/paths.ts';
import type { AttackObject } from '../model/attack.ts';
import { objectsOf } from '../model/collections.ts';
import { OBJECT_PAGE_KINDS } from '../model/kinds.ts';

/** Writes the files into the built site at `outDir`; returns how many objects got them. */
export async function writeObjectJson(generatedDir: string, outDir: string): Promise<number> {
  const reader = generatedReader(generatedDir);
  const latest = (await reader.manifest()).releases.at(-1);
  if (!latest) return 0;
  const collections = await reader.release(latest.release);
  const stixById = new Map<string, unknown>();
  for (const domain of new Set(collections.releases.map((bundle) => bundle.domain))) {
    for (const object of (await reader.stix(domain)).objects) if (!stixById.has(String(object.id))) stixById.set(String(object.id), object);
  }
  const objects = OBJECT_PAGE_KINDS.flatMap((kind) => objectsOf(collections, kind) as AttackObject[]).filter((object) => object.status !== 'revoked');
  for (const object of objects) {
    await write(outDir, paths.objectJson(object.path, object.attackId), object);
    const stix = stixById.get(object.id);
    if (stix) await write(outDir, paths.objectStix(object.path, object.attackId), stix);
  }
  return objects.length;
}

async function write(outDir: string, path: SitePath, value: unknown): Promise<void> {
  const file = join(outDir, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
