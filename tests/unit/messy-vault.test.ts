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
import { appendFile, cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/tools/static-server.ts';
import { parseOptions } from '../../src/cli/options.ts';
import { bundle, sampleObjects, tempDir, writeBundle } from '../helpers/stix.ts';
import { AttackGraph } from '../../src/lib/graph.ts';
import { objectPage } from '../../src/sections/object-page.ts';
import type { ObjectPageKind } from '../../src/model/kinds.ts';
import type { ObjectOf } from '../../src/model/attack.ts';
import { createImportCache, runImport, type ImportResult } from '../../src/pipeline/run.ts';
import { consoleProgress } from '../../src/cli/progress.ts';
import { vaultHealthPage } from '../../src/lib/pages/vault-health.ts';
import { paths } from '../../src/lib/paths.ts';
import { headingId, MAX_SLUG_BYTES, slugOf } from '../../src/lib/slugs.ts';
import { renderRichText } from '../../src/lib/rich-text.ts';
import { Vault } from '../../src/lib/vault.ts';

const VAULT = 'tests/fixtures/messy-vault';
/** What kb.config.json would say to leave out. */
const EXCLUDE = ['drafts/**'];
const importMessy = (generatedDir?: string) =>
  runImport({ bundles: ['tests/fixtures/ics-attack-18.1.stix21.json.br'], vault: VAULT, exclude: EXCLUDE, generatedDir });
let result: ImportResult;

beforeAll(async () => {
  result = await importMessy();
});

const notes = () => result.collections.notes;
/** The note at a vault path (without `.md`), its texts rendered as under `/`. */
const note = (id: string) => {
  const found = notes().find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no note ${id}`);
  return { ...found, html: renderRichText(found.html, '/'), teamHtml: renderRichText(found.teamHtml, '/') };
};
const warnings = (file: string) =>
  result.report.warnings.filter((warning) => warning.source?.endsWith(`${VAULT}/${file}`)).map((warning) => `${warning.line ?? ''} ${warning.message}`);
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
    const again = await importMessy();
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

describe("Obsidian's rules, in one place", () => {
  const modbus = () => note('procedures/Modbus Write Single Register');

  it('reads frontmatter tags written as links to tag notes as one tag each, and leaves out what is no tag', () => {
    expect(modbus().tags).toEqual(['Windows - Cscript - Wscript', 'Subdomains Enumeration', 'modbus', 'ot/field-devices']);
    expect(warnings('procedures/Modbus Write Single Register.md')).toEqual(expect.arrayContaining([
      '11 tag "(only if the scope allows)" is no tag as Obsidian reads them (letters, digits, _, - and / only, not only digits); left out',
      '11 tag "2024" is no tag as Obsidian reads them (letters, digits, _, - and / only, not only digits); left out',
    ]));
  });

  it('reads inline tags as Obsidian does: not in code, URLs or headings, not only digits', () => {
    const html = modbus().html;
    expect(html).toContain('<a href="/tags/modbus/" class="tag">#modbus</a>');
    expect(html).toContain('<a href="/tags/ot/field-devices/" class="tag">#ot/field-devices</a>');
    for (const notATag of ['not-a-tag', 'anchor', '2024', 'if', 'headings-are-not-tags']) expect(html).not.toContain(`href="/tags/${notATag}/"`);
  });

  it('links every tag to a tag page of the vault, and shows a tag note above its list', () => {
    const vault = new Vault(notes());
    const tagPaths = new Set(vault.tags().map((tag) => tag.path));
    for (const each of notes()) {
      for (const [, href] of renderRichText(each.html, '/').matchAll(/<a href="([^"]+)" class="tag">/g)) expect(tagPaths, each.id).toContain(href);
    }
    const tagNote = (label: string) => vault.tags().find((tag) => tag.label === label)?.note?.id;
    expect(tagNote('Windows - Cscript - Wscript')).toBe('tags/Windows - Cscript - Wscript');
    expect(tagNote('Subdomains Enumeration')).toBe('tags/Subdomains Enumeration');
    expect(tagNote('modbus')).toBe('tags/modbus');
    expect(tagNote('ot/field-devices')).toBeUndefined();
  });

  it('resolves every link of a frontmatter value, as in the body', () => {
    const related = note('techniques/Remote System Discovery').properties.find((property) => property.label === 'Related');
    expect(related?.values).toEqual([
      { text: 'Modbus Write Single Register', path: '/procedures/modbus-write-single-register/' },
      { text: 'the sweep', path: '/procedures/enumerate-remote-systems/' },
    ]);
  });

  it('does not show a first heading that repeats the title', () => {
    expect(modbus().html).not.toMatch(/<h1/);
    expect(modbus().html).toMatch(/^<h2 id="summary">Summary<\/h2>/);
    expect(note('tags/modbus').html).toMatch(/^<p>Everything about/);
    expect(note('techniques/Unauthorized Command Message').html).not.toContain('<h1');
  });

  it('publishes a note with broken frontmatter, the frontmatter as text, with a warning naming the line', () => {
    expect(note('context/Broken YAML').html).toContain('<pre><code>type: context\nname: [unclosed\ntags: [yaml\n</code></pre>');
    expect(warnings('context/Broken YAML.md')).toEqual([expect.stringMatching(/^5 broken YAML frontmatter \(.+\); shown as text$/)]);
  });

  it("resolves links to headings and blocks as Obsidian does, the note's own included", () => {
    const html = note('context/Headings').html;
    expect(html).toContain(`<a href="#${headingId('🔥')}" class="wikilink">Headings › 🔥</a>`);
    expect(html).toContain('<a href="#details" class="wikilink">Headings › Details</a>');
    expect(html).toContain('<a href="#block-key-point" class="wikilink">Headings › key-point</a>');
    expect(html).toContain('<a href="/notes/context/headings/#deeper" class="wikilink">Headings › Deeper</a>');
    expect(html).toMatch(/<div class="embed">\n<h2>Details<\/h2>\n<p>The detail everyone embeds.<\/p>/);
    expect(warnings('context/Headings.md')).toEqual([]);
  });

  it('embeds files with a #suffix or a size, SVG images, audio, video and PDFs', () => {
    const html = note('context/Embeds').html;
    expect(html).toContain('An image with a suffix: <img src="/files/files/diagram.png" alt="diagram.png">');
    expect(html).toContain('<img src="/files/files/diagram.png" alt="diagram.png" width="300">');
    expect(html).toContain('<a href="/files/files/icon.svg" class="file-link">icon.svg</a>');
    expect(html).toContain('<img src="/files/files/icon.svg" alt="icon.svg">');
    expect(html).toContain('<audio src="/files/files/clip.ogg" controls preload="metadata"><a href="/files/files/clip.ogg">clip.ogg</a></audio>');
    expect(html).toContain('<video src="/files/files/demo.mp4" controls preload="metadata">');
    expect(html).toContain('<a href="/files/files/manual.pdf" class="file-link">manual.pdf (PDF)</a>');
    expect(html).toContain('<p><a href="/notes/context/embeds/" class="wikilink">Embeds</a></p>');
    expect(warnings('context/Embeds.md')).toEqual(['27 embed of "Embeds" is circular or nested too deep; shown as a link']);
    expect(warnings('files/fake.pdf')).toEqual([' its bytes are not those of a PDF file; left out']);
    expect(result.collections.vaultfiles.map((file) => file.id).sort()).toEqual([
      'files/!!!.png', 'files/clip.ogg', 'files/demo.mp4', 'files/diagram.png', 'files/icon.svg', 'files/manual.pdf',
    ]);
  });

  it('publishes SVG images sanitized: no script, event handler or outside reference survives', async () => {
    const dir = await tempDir();
    try {
      await importMessy(dir);
      const { readFile } = await import('node:fs/promises');
      const svg = await readFile(join(dir, 'collections/files/files/icon.svg'), 'utf8');
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).toContain('fill="url(#g)"');
      for (const unsafe of [/<script/i, /\son[a-z]+=/i, /https?:\/\/(?!www\.w3\.org)/i, /javascript:/i, /@import/i, /foreignObject/i, /<animate/i, /<set/i, /<iframe/i]) {
        expect(svg).not.toMatch(unsafe);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves vault files so that opening one cannot run script', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'files'), { recursive: true });
    await writeFile(join(dir, 'files/icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const server = await serveStatic(dir);
    try {
      const response = await fetch(`${server.url}files/icon.svg`);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none';.*\bsandbox\b/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('folds Dataview and Bases blocks, labelled, and leaves other code alone', () => {
    const html = note('context/Queries').html;
    expect(html).toContain('<details class="obsidian-query">\n<summary>Dataview query (runs in Obsidian)</summary>\n<pre><code class="language-dataview">LIST FROM');
    expect(html).toContain('<summary>Dataview script (runs in Obsidian)</summary>');
    expect(modbus().html).toContain('<summary>Bases view (runs in Obsidian)</summary>');
    expect(html).toContain('<pre><code class="language-python">print("hello")');
  });
});

describe('what Obsidian hides stays unpublished', () => {
  it('leaves out excluded files, the core and Templater template folders, and the exclude globs', () => {
    const files = notes().map((each) => each.file);
    for (const hidden of ['Archive/', 'Templates/', 'Templater/', 'drawings/Plant layout.excalidraw.md', 'drafts/']) {
      expect(files.filter((file) => file.startsWith(hidden)), hidden).toEqual([]);
    }
    expect(notes().filter((each) => each.kind === 'procedure').map((each) => each.title).sort()).toEqual([
      'Enumerate Remote Systems', 'Modbus Write Single Register', 'Modbus Write Single Register',
    ]);
    expect(result.report.brokenLinks.filter((link) => link.source.includes('Templat'))).toEqual([]);
  });

  it('reads the exclude globs from kb.config.json and --exclude', async () => {
    const dir = await tempDir();
    try {
      await writeFile(join(dir, 'kb.config.json'), JSON.stringify({ bundles: ['x.json'], exclude: ['drafts/**', '**/*.private.md'] }));
      expect((await parseOptions(['--config', join(dir, 'kb.config.json')])).exclude).toEqual(['drafts/**', '**/*.private.md']);
      expect((await parseOptions(['--config', join(dir, 'kb.config.json'), '--exclude', 'a/**'])).exclude).toEqual(['a/**']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('notes about an ATT&CK object add, not repeat', () => {
  const pageOf = (attackId: string) => {
    const graph = new AttackGraph(result.collections);
    const object = graph.byAttack('technique', attackId) as ObjectOf<ObjectPageKind>;
    return objectPage(object, { graph, vault: new Vault(notes()), base: '/' });
  };

  it('leaves out of "Team notes" the copied description, procedure table and ID card lines', () => {
    const team = note('techniques/Unauthorized Command Message').teamHtml;
    expect(team).toMatch(/^<h4>Our notes<\/h4>\n<p>Our historians log every write/);
    for (const copied of ['MITRE ID', 'Adversaries may send unauthorized', 'Dallas Siren incident', 'INCONTROLLER', 'Procedure Examples', 'Description']) {
      expect(team).not.toContain(copied);
    }
  });

  it("numbers a note's citations in the ATT&CK page's references", () => {
    const page = pageOf('T0855');
    const [team] = page.teamNotes;
    const reference = page.references.find((candidate) => candidate.name === 'Zack Whittaker April 2017');
    const number = reference?.number;
    expect(number).toBeGreaterThan(0);
    expect(team?.html).toMatch(new RegExp(`as in the siren case\\.<sup class="cite" id="${reference?.anchor}-cite-\\d+"><a href="#${reference?.anchor}" aria-label="Reference ${number}">\\[${number}\\]</a></sup>`));
    expect(team?.html).not.toContain('(Citation:');
  });

  it('shows a note that only mirrors ATT&CK by the notes it links to', () => {
    expect(note('techniques/Remote System Discovery').teamHtml).toBe('');
    const [team] = pageOf('T0846').teamNotes;
    expect(team?.html).toBeUndefined();
    expect(team?.links.map((link) => link.text)).toEqual(expect.arrayContaining(['Enumerate Remote Systems', 'modbus-cli']));
  });

  it('links copied attack.mitre.org links to this site', () => {
    expect(note('techniques/Unauthorized Command Message').html).toContain('<a href="/tactics/TA0105/">Impact</a>');
  });

  it('splits ids written in one string', () => {
    const ids = (id: string) => {
      const found = notes().find((candidate) => candidate.id === id);
      const graph = new AttackGraph(result.collections);
      return found?.kind === 'procedure' ? found.mapped.map((stixId) => graph.get(stixId)?.attackId).sort() : [];
    };
    expect(ids('procedures/Modbus Write Single Register')).toEqual(['T0836', 'T0846', 'T0855', 'T0885', 'TA0106']);
    expect(ids('procedures/Enumerate Remote Systems')).toEqual(['T0846', 'T0888', 'TA0102']);
    expect(result.report.brokenLinks.filter((link) => /T0\d+[, ]/.test(link.target))).toEqual([]);
  });

  it('leaves out paragraphs that repeat ATT&CK text of an older loaded release', async () => {
    const dir = await tempDir();
    try {
      const withPowerShell = (fields: Record<string, unknown>) =>
        sampleObjects().map((object) => (object.id === 'attack-pattern--t1059-001' ? { ...object, ...fields } : object));
      const older = await writeBundle(dir, 'enterprise-attack-17.1.json', bundle(withPowerShell({
        description: 'Adversaries may abuse PowerShell.(Citation: Microsoft PowerShell)\n\nA paragraph that only the older release of the technique had, about execution policies.',
        x_mitre_detection: 'Monitor for the loading of the PowerShell engine by processes other than powershell.exe.',
      })));
      const latest = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle(sampleObjects()));
      await mkdir(join(dir, 'vault'));
      await writeFile(join(dir, 'vault/PowerShell.md'), [
        '---\nmitre_id: T1059.001\n---',
        'A paragraph that only the older release of the technique had,   about execution policies.(Citation: Microsoft PowerShell)',
        'Monitor for the loading of the PowerShell engine by processes other than powershell.exe.',
        'Our own finding: constrained language mode is on for every analyst host.',
      ].join('\n\n'));
      const { collections } = await runImport({ bundles: [older, latest], vault: join(dir, 'vault') });
      expect(renderRichText(collections.notes[0]!.teamHtml, '/')).toBe('<p>Our own finding: constrained language mode is on for every analyst host.</p>');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the live authoring loop', () => {
  it('imports again only what changed: an edited, added, renamed or deleted note, and what depends on it', async () => {
    const dir = await tempDir();
    try {
      const vault = join(dir, 'vault');
      await cp(VAULT, vault, { recursive: true });
      const cache = createImportCache();
      const again = () => runImport({ bundles: ['tests/fixtures/ics-attack-18.1.stix21.json.br'], vault, exclude: EXCLUDE, cache, generatedDir: join(dir, 'generated') });
      const first = await again();
      expect(first.redone).toEqual({ notes: first.collections.notes.length, releases: true });
      const unchanged = await again();
      expect(unchanged.redone).toEqual({ notes: 0, releases: false });
      expect(unchanged.collections.notes).toEqual(first.collections.notes);
      expect(unchanged.report.warnings).toEqual(first.report.warnings);

      await appendFile(join(vault, 'context/Headings.md'), '\n\n## Details\n\nA third, added while serving.\n');
      const edited = await again();
      // Headings, and Embeds, which links to its headings.
      expect(edited.redone.notes).toBe(2);
      expect(edited.collections.notes.find((each) => each.id === 'context/Headings')?.html.join('')).toContain('A third, added while serving.');

      await writeFile(join(vault, 'context/Fresh.md'), 'Links [[Later]].\n');
      const added = await again();
      expect(added.redone.notes).toBe(1);
      expect(added.report.brokenLinks.map((link) => link.target)).toContain('Later');
      await writeFile(join(vault, 'context/Later.md'), 'Here now.\n');
      const resolved = await again();
      expect(resolved.redone.notes).toBe(2);
      expect(resolved.report.brokenLinks.map((link) => link.target)).not.toContain('Later');

      await rename(join(vault, 'context/Later.md'), join(vault, 'context/Renamed.md'));
      const renamed = await again();
      expect(renamed.collections.notes.map((each) => each.id)).toEqual(expect.arrayContaining(['context/Renamed']));
      expect(renamed.report.brokenLinks.map((link) => link.target)).toContain('Later');
      await rm(join(vault, 'context/Renamed.md'));
      const deleted = await again();
      expect(deleted.collections.notes.map((each) => each.id)).not.toContain('context/Renamed');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('tells the stages of a long import, and on a terminal how many files are read', () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) => ({ isTTY, write: (text: string) => written.push(text) }) as unknown as NodeJS.WriteStream;
    const log = consoleProgress(stream(false));
    log.stage('reading the vault');
    log.count('files read', 5000, 13500);
    log.count('files read', 13500, 13500);
    expect(written).toEqual(['reading the vault\n']);
    written.length = 0;
    const terminal = consoleProgress(stream(true));
    terminal.stage('reading the vault');
    terminal.count('files read', 10, 13500);
    expect(written).toEqual(['reading the vault\n']);
  });
});

describe('the vault health page', () => {
  it('lists broken links with file and line, notes nobody links to, outdated ids, and counts, in the import report too', () => {
    const health = result.report.vault as import('../../src/model/notes.ts').VaultHealth;
    expect(health.brokenLinks).toEqual(expect.arrayContaining([{ file: 'context/Embeds.md', line: 19, target: 'fake.pdf', reason: 'no such note or file' }]));
    expect(health.outdatedIds).toEqual([{ file: 'procedures/Enumerate Remote Systems.md', line: 13, id: 'G0074', status: 'revoked', replacement: 'G0035' }]);
    expect(health.orphans).toEqual(expect.arrayContaining(['context/Broken YAML', 'context/Queries']));
    expect(health.orphans).not.toContain('procedures/Modbus Write Single Register');
    expect(health.counts).toMatchObject({
      notes: notes().length,
      procedures: 3,
      files: 6,
      brokenLinks: health.brokenLinks.length,
      orphans: health.orphans.length,
      outdatedIds: 1,
    });
    expect(health.counts.hidden).toBeGreaterThanOrEqual(5);
    const page = vaultHealthPage(health, new Vault(notes()), '/');
    expect(page.tables['broken-links'].rows.map((row) => row.cells[0])).toContain('context/Embeds.md:19');
    expect(page.tables['outdated-ids'].rows).toEqual([{ cells: ['procedures/Enumerate Remote Systems.md:13', 'G0074', 'revoked', 'G0035'] }]);
  });
});
