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

const VAULT = 'tests/fixtures/messy-vault';
let result: ImportResult;

beforeAll(async () => {
  result = await runImport({ bundles: ['tests/fixtures/ics-attack-18.1.stix21.json.br'], vault: VAULT });
});

const notes = () => result.collections.notes;

describe('the messy vault', () => {
  it('imports, every published note at a page path of its own', () => {
    const paths = notes().map((note) => note.path);
    expect(paths.length).toBeGreaterThan(20);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
