/**
 * The same input gives the same bytes: a second build of the full site (made by the global setup,
 * beside other builds) is byte for byte the build the other site tests use, collections included.
 * A full rebuild costs half a minute of CI; cheaper stand-ins (two imports, a small bundle) would
 * miss what only the full data could change, such as page order.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_GENERATED_DIR, TEST_SITE_DIR, TWIN_GENERATED_DIR, TWIN_SITE_DIR } from '../test-sites.ts';

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
    expect(await differences(TEST_SITE_DIR, TWIN_SITE_DIR)).toEqual([]);
    expect(await differences(join(TEST_GENERATED_DIR, 'collections'), join(TWIN_GENERATED_DIR, 'collections'))).toEqual([]);
  });
});
