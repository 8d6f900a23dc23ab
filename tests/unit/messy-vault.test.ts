/**
 * The messy vault (tests/fixtures/messy-vault): a vault in the export format of the example vault,
 * written by the project, with what real team vaults hold and the example does not: tags written
 * as links to tag notes, names of only punctuation, emoji, right-to-left text, 240 characters or
 * differing only in case, twin titles, core and Templater template folders, files Obsidian is told
 * to hide, ATT&CK notes that mirror ATT&CK (raw citations, "MITRE ID:" boilerplate, a copied
 * procedure table), ids joined in one string, broken YAML, an SVG full of script, embeds with a
 * `#suffix`, of the note's own headings, of audio, video and PDF, and Dataview and Bases blocks.
 * It is imported once, against ATT&CK for ICS 18.1 (its notes name ICS objects).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport, type ImportResult } from '../../src/pipeline/run.ts';
import { paths } from '../../src/lib/paths.ts';
import { headingId, MAX_SLUG_BYTES, slugOf } from '../../src/lib/slugs.ts';
import { renderRichText } from '../../src/lib/rich-text.ts';
import { Vault } from '../../src/lib/vault.ts';

const VAULT = 'tests/fixtures/messy-vault';
let result: ImportResult;

beforeAll(async () => {
  result = await runImport({ bundles: ['tests/fixtures/ics-attack-18.1.stix21.json.br'], vault: VAULT });
});

const notes = () => result.collections.notes;
/** The note at a vault path (without `.md`), its texts rendered as under `/`. */
const note = (id: string) => {
  const found = notes().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no note ${id}`);
  return { ...found, html: renderRichText(found.html, '/'), teamHtml: renderRichText(found.teamHtml, '/') };
};
/** Every page segment a slug may be: letters, digits, `_` and `-`, never empty, within a file name. */
const SEGMENT = /^[\p{L}\p{N}_-]+$/u;
const segmentsOf = (path: string) => path.split('/').filter(Boolean);

describe('the messy vault', () => {
  it('imports, every published note at a page path of its own', () => {
    const paths = notes().map((note) => note.path);
    expect(paths.length).toBeGreaterThan(20);
    expect(new Set(paths).size).toBe(paths.length);
  });
});

describe('no name breaks the build', () => {
  it('gives notes named by punctuation, emoji, right-to-left text or 236 characters a page', () => {
    expect(note('names/!!!').path).toMatch(/^\/notes\/names\/untitled-[0-9a-f]{8}\/$/);
    expect(note('names/🔥').path).toMatch(/^\/notes\/names\/untitled-[0-9a-f]{8}\/$/);
    expect(note('names/🔥').path).not.toBe(note('names/!!!').path);
    expect(note('names/🔥 Hot Takes').path).toBe('/notes/names/hot-takes/');
    expect(note('names/ملاحظة عربية').path).toBe('/notes/names/ملاحظة-عربية/');
    const long = notes().find((candidate) => candidate.id.startsWith('names/Very long'))!;
    expect(long.path).toMatch(/^\/notes\/names\/very-long-note-name-[a-z-]+-[0-9a-f]{8}\/$/);
    for (const { path } of notes()) {
      for (const segment of segmentsOf(path)) {
        expect(segment, path).toMatch(SEGMENT);
        expect(Buffer.byteLength(segment), path).toBeLessThanOrEqual(MAX_SLUG_BYTES + 9);
      }
    }
  });

  it('gives folders of only punctuation a path of their own', () => {
    expect(note('names/!!!/Inside').path).toMatch(/^\/notes\/names\/untitled-[0-9a-f]{8}\/inside\/$/);
  });

  it('keeps names that differ only in case, and twin titles, apart, each link finding its own', () => {
    expect(note('names/Case').path).toBe('/notes/names/case/');
    expect(note('names/case').path).toMatch(/^\/notes\/names\/case-[0-9a-f]{8}\/$/);
    const twins = notes().filter((candidate) => candidate.title === 'Twin Title').map((candidate) => candidate.path);
    expect(new Set(twins).size).toBe(2);
    const procedures = notes().filter((candidate) => candidate.title === 'Modbus Write Single Register');
    expect(procedures.map((candidate) => candidate.path)).toEqual(expect.arrayContaining([
      '/procedures/modbus-write-single-register/',
      expect.stringMatching(/^\/procedures\/modbus-write-single-register-[0-9a-f]{8}\/$/),
    ]));
    expect(procedures).toHaveLength(2);
    const hot = note('names/🔥 Hot Takes').html;
    expect(hot).toContain(`<a href="${note('names/Case').path}" class="wikilink">Case</a>`);
    expect(hot).toContain(`<a href="${note('names/case').path}" class="wikilink">case</a>`);
  });

  it('gives the same paths on every import', async () => {
    const again = await runImport({ bundles: ['tests/fixtures/ics-attack-18.1.stix21.json.br'], vault: VAULT });
    expect(again.collections.notes.map((each) => each.path)).toEqual(notes().map((each) => each.path));
  });

  it('gives every tag a page below /tags/, whatever it is made of', () => {
    for (const tag of ['🔥', '/', '!!!', 'ملاحظة', 'a'.repeat(300), 'Nested/🔥/x']) {
      const path = paths.tag(tag);
      expect(path, tag).toMatch(/^\/tags\/.+\/$/);
      for (const segment of segmentsOf(path).slice(1)) expect(Buffer.byteLength(segment)).toBeLessThanOrEqual(MAX_SLUG_BYTES + 9);
    }
    expect(paths.tag('🔥')).not.toBe(paths.tag('🔥🔥'));
    expect(paths.tag('DNS')).toBe(paths.tag('dns'));
    const tagPaths = new Vault(notes()).tags().map((tag) => tag.path);
    expect(tagPaths).not.toContain(paths.tags());
    expect(new Set(tagPaths).size).toBe(tagPaths.length);
  });

  it('gives every heading a non-empty id, unique in its page, that links find', () => {
    const html = note('context/Headings').html;
    const ids = [...html.matchAll(/<h[1-6] id="([^"]*)"/g)].map((match) => match[1]!);
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).not.toBe('');
    expect(ids).toContain(headingId('🔥'));
    expect(ids).toContain(headingId('!!!'));
    expect(ids).toEqual(expect.arrayContaining(['ملاحظة', 'details', 'details-1', 'a'.repeat(300)]));
  });

  it('gives files of any name a path of their own, keeping the extension', () => {
    const files = result.collections.vaultfiles.map((file) => file.path);
    expect(files).toContain('/files/files/diagram.png');
    expect(files).toContainEqual(expect.stringMatching(/^\/files\/files\/untitled-[0-9a-f]{8}\.png$/));
  });

  it('makes slugs of any length and script', () => {
    expect(slugOf('x'.repeat(300))).toMatch(/^x{96}-[0-9a-f]{8}$/);
    expect(slugOf('x'.repeat(300))).not.toBe(slugOf(`${'x'.repeat(299)}y`));
    expect(Buffer.byteLength(slugOf('日本語'.repeat(100)))).toBeLessThanOrEqual(MAX_SLUG_BYTES + 9);
    expect(slugOf('...')).toMatch(/^untitled-[0-9a-f]{8}$/);
    expect(slugOf('a/../b')).toBe('ab');
  });
});
