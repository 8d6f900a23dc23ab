/**
 * Malformed STIX input, and what the build must say about each. A fatal problem stops the build
 * with a message naming the file (and the object, where there is one); a recoverable one is a
 * warning, and an error under --strict. Notes (broken YAML, non-UTF-8 files) join as more cases.
 */
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync } from 'node:zlib';
import { MAX_BUNDLE_BYTES } from '../../scripts/import/load.ts';
import { bundle, relationship, sampleObjects, technique, writeBundle, type Fields } from '../helpers/stix.ts';

export interface MalformedInput {
  name: string;
  /** Writes the input into `dir` and returns what to pass to --bundle: a path or a URL. */
  write(dir: string): Promise<string>;
  /** What the message says after naming the file. */
  message: RegExp;
}

/** A real bundle (ICS 18.1, STIX 2.1), as JSON text. */
async function realBundleText(): Promise<Buffer> {
  return brotliDecompressSync(await readFile('tests/fixtures/ics-attack-18.1.stix21.json.br'));
}

const withObject = (name: string, object: Fields) => (dir: string) =>
  writeBundle(dir, name, bundle([...sampleObjects(), object]));

export const FATAL_INPUTS: MalformedInput[] = [
  { name: 'a missing file', write: async (dir) => join(dir, 'missing.json'), message: /^cannot read file \(ENOENT/ },
  { name: 'a folder', write: async (dir) => dir, message: /^cannot read file \(EISDIR/ },
  {
    name: 'a URL that cannot be fetched',
    write: async () => 'http://127.0.0.1:1/enterprise-attack.json',
    message: /^cannot fetch URL \(/,
  },
  { name: 'invalid JSON', write: (dir) => writeBundle(dir, 'invalid.json', '{ "type": "bundle", '), message: /^invalid JSON \(/ },
  {
    name: 'a real bundle cut in half',
    write: async (dir) => {
      const text = await realBundleText();
      return writeBundle(dir, 'truncated.json', text.subarray(0, text.length / 2).toString());
    },
    message: /^invalid JSON \(/,
  },
  {
    name: 'a brotli file cut in half',
    write: async (dir) => {
      const compressed = await readFile('tests/fixtures/ics-attack-18.1.stix21.json.br');
      const path = join(dir, 'truncated.json.br');
      await writeFile(path, compressed.subarray(0, compressed.length / 2));
      return path;
    },
    message: /^cannot decompress \(/,
  },
  {
    name: 'a gzip file cut in half',
    write: async (dir) => {
      const compressed = gzipSync(await realBundleText());
      const path = join(dir, 'truncated.json.gz');
      await writeFile(path, compressed.subarray(0, compressed.length / 2));
      return path;
    },
    message: /^cannot decompress \(unexpected end of file\)/,
  },
  {
    name: 'text that is not UTF-8',
    write: async (dir) => {
      const objects = sampleObjects().map((object) => ({ ...object, description: 'Café' }));
      const path = join(dir, 'latin1.json');
      await writeFile(path, Buffer.from(JSON.stringify(bundle(objects)), 'latin1'));
      return path;
    },
    message: /^not UTF-8 text$/,
  },
  {
    name: 'a file larger than a bundle may be',
    write: async (dir) => {
      const path = join(dir, 'enormous.json');
      await writeFile(path, '');
      await truncate(path, MAX_BUNDLE_BYTES + 1);
      return path;
    },
    message: /^larger than 256 MB uncompressed, the most a bundle may hold$/,
  },
  {
    name: 'a small file that decompresses to more than a bundle may be',
    write: async (dir) => {
      const bomb = brotliCompressSync(Buffer.alloc(MAX_BUNDLE_BYTES + 1, ' '), {
        params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
      });
      const path = join(dir, 'bomb.json.br');
      await writeFile(path, bomb);
      return path;
    },
    message: /^larger than 256 MB uncompressed, the most a bundle may hold$/,
  },
  { name: 'JSON that is not a bundle', write: (dir) => writeBundle(dir, 'list.json', '[1, 2, 3]'), message: /^not a STIX bundle/ },
  { name: 'a bundle with no objects', write: (dir) => writeBundle(dir, 'empty.json', bundle([])), message: /^the bundle has no objects$/ },
  {
    name: 'a bundle holding something other than objects',
    write: (dir) => writeBundle(dir, 'numbers.json', { type: 'bundle', objects: [1] }),
    message: /^objects\[0\] is not a JSON object$/,
  },
  {
    name: 'an object without its STIX id',
    write: withObject('no-id.json', { ...technique('T1999', 'Nameless', ['execution']), id: undefined }),
    message: /^objects\[10\], a attack-pattern without id: id: Invalid input: expected string, received undefined$/,
  },
  {
    name: 'a known field of the wrong type',
    write: withObject('wrong-type.json', { ...technique('T1999', 'Wrong', ['execution']), x_mitre_platforms: 'Windows' }),
    message: /^attack-pattern--t1999: x_mitre_platforms: Invalid input: expected array, received string$/,
  },
  {
    name: 'a name that is not text',
    write: withObject('number-name.json', { ...technique('T1999', 'X', ['execution']), name: 1999 }),
    message: /^attack-pattern--t1999: name: Invalid input: expected string, received number$/,
  },
  {
    name: 'an object without its ATT&CK id',
    write: withObject('anonymous.json', { ...technique('T1999', 'X', ['execution']), external_references: [] }),
    message: /^attack-pattern--t1999: attack-pattern "X" has no ATT&CK id/,
  },
  {
    name: 'an ATT&CK id that cannot name a page',
    write: withObject('climbing.json', technique('../../../escaped', 'Climbing', ['execution'])),
    message: /^attack-pattern---\.\/\.\.\/\.\.\/escaped: attack-pattern "Climbing" has an ATT&CK id that cannot name a page: "\.\.\/\.\.\/\.\.\/escaped"/,
  },
  {
    name: 'two active objects with one ATT&CK id',
    write: withObject('twins.json', { ...technique('T1059', 'Twin', ['execution']), id: 'attack-pattern--twin' }),
    message: /^attack-pattern--t1059, attack-pattern--twin: several active objects claim techniques\/T1059$/,
  },
];

/** Warnings by default, errors under --strict. */
export const RECOVERABLE_INPUTS: MalformedInput[] = [
  {
    name: 'a relationship to a missing object',
    write: withObject('dangling.json', relationship('uses', { id: 'intrusion-set--gone' }, sampleObjects()[3]!)),
    message: /^relationship--gone-uses-t1059: uses relationship to missing intrusion-set--gone$/,
  },
  {
    name: 'a citation with no matching reference',
    write: withObject('uncited.json', technique('T1999', 'Uncited', ['execution'], { description: 'Text.(Citation: Nowhere)' })),
    message: /^attack-pattern--t1999: T1999: no reference for \(Citation: Nowhere\)$/,
  },
];
