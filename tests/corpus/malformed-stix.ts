/**
 * Malformed STIX input, and what the build must say about each. A fatal problem stops the build
 * with a message naming the file (and the object, where there is one); a recoverable one is a
 * warning, and an error under --strict. Notes (broken YAML, non-UTF-8 files) join as more cases.
 */
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync } from 'node:zlib';
import { MAX_BUNDLE_BYTES } from '../../src/pipeline/sources/bundles.ts';
import { bundle, group, relationship, sampleObjects, technique, writeBundle, type Fields } from '../helpers/stix.ts';

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
    name: 'a release number that cannot name pages',
    write: (dir) =>
      writeBundle(dir, 'release.json', bundle([{ type: 'x-mitre-collection', id: 'x-mitre-collection--r', x_mitre_version: '../18.1' }, ...sampleObjects()])),
    message: /^release "\.\.\/18\.1" cannot name pages/,
  },
  {
    name: 'a gzip-named file that is neither gzip nor brotli',
    write: async (dir) => {
      const path = join(dir, 'plain.json.gz');
      await writeFile(path, JSON.stringify(bundle(sampleObjects())));
      return path;
    },
    message: /^named \.gz, but it is not gzip data$/,
  },
  {
    name: 'UTF-16 text',
    write: async (dir) => {
      const path = join(dir, 'utf16.json');
      await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(bundle(sampleObjects())), 'utf16le')]));
      return path;
    },
    message: /^UTF-16 text; JSON bundles must be UTF-8/,
  },
  {
    name: 'compressed data under a plain .json name',
    write: async (dir) => {
      const path = join(dir, 'compressed.json');
      await writeFile(path, brotliCompressSync(JSON.stringify(bundle(sampleObjects()))));
      return path;
    },
    message: /^(binary data, not JSON text|not UTF-8 text)/,
  },
  {
    name: 'objects that are an object, not a list',
    write: (dir) => writeBundle(dir, 'objects-object.json', { type: 'bundle', id: 'bundle--x', objects: {} }),
    message: /^"objects" is not a list \(it is an object\)$/,
  },
  {
    name: 'a bundle without objects at all',
    write: (dir) => writeBundle(dir, 'no-objects.json', { type: 'bundle', id: 'bundle--x' }),
    message: /^the bundle has no "objects" list$/,
  },
  {
    name: 'one STIX id on two kinds of object',
    write: withObject('two-kinds.json', { ...group('G1999', 'Twin'), id: 'attack-pattern--t1059' }),
    message: /^attack-pattern--t1059: one STIX id for two objects, of types intrusion-set \(here\) and attack-pattern \(earlier in this bundle\)$/,
  },
  {
    name: 'an ATT&CK id that names a list page',
    write: withObject('list-page.json', technique('enterprise', 'Enterprise', ['execution'])),
    message: /^attack-pattern--enterprise: attack-pattern "Enterprise" has an ATT&CK id that names a list page of the site: "enterprise"$/,
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
    name: 'a gzip-named file that holds brotli',
    write: async (dir) => {
      const path = join(dir, 'mislabelled.json.gz');
      await writeFile(path, brotliCompressSync(JSON.stringify(bundle(sampleObjects()))));
      return path;
    },
    message: /^named \.gz, but it is brotli data; read as brotli \(name it \.br\)$/,
  },
  {
    name: 'a description of lists nested a hundred deep',
    write: withObject('deep-lists.json', technique('T1999', 'Deep', ['execution'], { description: Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n') })),
    message: /^attack-pattern--t1999: line \d+ of the text: lists or quotes nested \d+ levels deep \(the limit is 32\); shown as plain text$/,
  },
  {
    name: 'a description of thousands of nested quotes',
    write: withObject('deep-quotes.json', technique('T1999', 'Deep', ['execution'], { description: `${'>'.repeat(10_000)} x` })),
    message: /^attack-pattern--t1999: line 1 of the text: lists or quotes nested \d+ levels deep \(the limit is 32\); shown as plain text$/,
  },
  {
    name: 'a description with a run of twenty thousand emphasis marks',
    write: withObject('emphasis.json', technique('T1999', 'Stars', ['execution'], { description: `${'*'.repeat(20_000)}x${'*'.repeat(20_000)}` })),
    message: /^attack-pattern--t1999: line 1 of the text: a run of \d+ emphasis marks \(the limit is 64\); shown as plain text$/,
  },
  {
    name: 'a description of HTML nested thousands deep',
    write: withObject('deep-html.json', technique('T1999', 'Tags', ['execution'], { description: `${'<b>'.repeat(5000)}x${'</b>'.repeat(5000)}` })),
    message: /^attack-pattern--t1999: line 1 of the text: HTML elements nested over 64 deep; shown as plain text$/,
  },
  {
    name: 'a description larger than a text may be',
    write: withObject('long.json', technique('T1999', 'Long', ['execution'], { description: 'word '.repeat(20_000) })),
    message: /^attack-pattern--t1999: line 1 of the text: 100000 characters, over the 65536 rendered as markdown; shown as plain text$/,
  },
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
