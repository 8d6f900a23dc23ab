/**
 * The vendored detection content read independently of the importer, for tests to count against:
 * the packed files unpacked with zlib, and tags and tests found by plain text matching.
 */
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync } from 'node:zlib';
import { DEFAULT_ATOMICS, DEFAULT_SIGMA } from '../../src/cli/options.ts';

export interface PackedFile {
  path: string;
  text: string;
}

export async function packedFiles(file: typeof DEFAULT_SIGMA | typeof DEFAULT_ATOMICS): Promise<PackedFile[]> {
  return JSON.parse(brotliDecompressSync(await readFile(file)).toString('utf8')).files;
}

/** The ATT&CK ids a rule's text tags it with (`- attack.t1059.001` → `T1059.001`), each once. */
export function taggedIds(text: string): string[] {
  return [...new Set([...text.matchAll(/^\s*-\s*attack\.([tgs]\d{4}(?:\.\d{3})?)\s*$/gim)].map((match) => match[1]!.toUpperCase()))];
}

/** How many tests an Atomic technique file holds: its `auto_generated_guid` lines. */
export function atomicTestCount(text: string): number {
  return [...text.matchAll(/^\s+auto_generated_guid:/gm)].length;
}
