/**
 * The same input gives the same bytes: a second build of the vault test site (Enterprise and the
 * test vault, made by the global setup at another time and beside another build) is byte for byte
 * the first, collections and search index included. That site has every kind of ATT&CK page and
 * every kind of note page; the full three-release site would cost a minute more of CI for no
 * other code path.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TWIN_GENERATED_DIR, TWIN_SITE_DIR, VAULT_TEST_GENERATED_DIR, VAULT_TEST_SITE_DIR } from '../test-sites.ts';

/** sha256 of every file under the folder, by relative path. */
async function hashFiles(folder: string): Promise<Map<string, string>> {
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const hashes = new Map<string, string>();
  // One file at a time: tens of thousands open at once exhaust the process's file handles.
  for (const entry of files) {
    const path = join(entry.parentPath, entry.name);
    hashes.set(path.slice(folder.length + 1), createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return hashes;
}

/** Files that differ or exist in only one of the two folders. */
async function differences(first: string, second: string): Promise<string[]> {
  const [a, b] = await Promise.all([hashFiles(first), hashFiles(second)]);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((path) => a.get(path) !== b.get(path));
}

describe('two clean builds of the same input', () => {
  it('are byte-identical', async () => {
    expect(await differences(VAULT_TEST_SITE_DIR, TWIN_SITE_DIR)).toEqual([]);
    expect(await differences(join(VAULT_TEST_GENERATED_DIR, 'collections'), join(TWIN_GENERATED_DIR, 'collections'))).toEqual([]);
  });
});
