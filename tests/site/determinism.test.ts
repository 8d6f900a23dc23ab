/**
 * The same input gives the same bytes: a second build of the full site, from a clean start (no
 * collections, no Astro cache), is byte for byte the build the other site tests use, collections
 * included. A full rebuild costs half a minute of CI; cheaper stand-ins (two imports, a small
 * bundle) would miss what only the full data or Astro's cache could change, such as page order.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runBuild } from '../helpers/build.ts';
import { tempDir } from '../helpers/stix.ts';
import { TEST_SITE_ARGS } from './build-site.ts';

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** sha256 of every file under the folder, by relative path. */
async function hashFiles(folder: string): Promise<Map<string, string>> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const hashes = await Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(folder.length + 1), createHash('sha256').update(await readFile(path)).digest('hex')] as const;
    }),
  );
  return new Map(hashes);
}

/** Files that differ or exist in only one of the two folders. */
async function differences(first: string, second: string): Promise<string[]> {
  const [a, b] = await Promise.all([hashFiles(first), hashFiles(second)]);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((path) => a.get(path) !== b.get(path));
}

describe('two clean builds of the same input', () => {
  it('are byte-identical', async () => {
    await rm('node_modules/.astro', { recursive: true, force: true });
    runBuild([...TEST_SITE_ARGS, '--out', join(dir, 'site')], join(dir, 'generated'));
    expect(await differences(inject('siteDir'), join(dir, 'site'))).toEqual([]);
    expect(await differences(join(inject('generatedDir'), 'collections'), join(dir, 'generated', 'collections'))).toEqual([]);
  }, 300_000);
});
