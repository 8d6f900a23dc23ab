/** The vault importer: every Obsidian syntax item, every resolution rule, and bad input. */
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/pipeline/report.ts';
import { runImport, type ImportResult } from '../../src/pipeline/run.ts';
import { NOTE_SIZE_LIMIT } from '../../src/pipeline/sources/vault.ts';
import { stripComments } from '../../src/pipeline/render/obsidian.ts';
import { renderRichText } from '../../src/lib/rich-text.ts';
import { Vault } from '../../src/lib/vault.ts';
import type { Note } from '../../src/model/notes.ts';
import { bundle, relationship, sampleObjects, technique, tempDir, writeBundle } from '../helpers/stix.ts';

let dir: string;
let bundlePath: string;

/** ATT&CK for these tests: the sample objects plus a revoked and a deprecated technique. */
beforeAll(async () => {
  dir = await tempDir();
  const replacement = sampleObjects().find((object) => object.id === 'attack-pattern--t1059-001')!;
  const revoked = technique('T1086', 'PowerShell (old)', ['execution'], { revoked: true });
  const deprecated = technique('T1064', 'Scripting', ['execution'], { x_mitre_deprecated: true });
  bundlePath = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle([...sampleObjects(), revoked, deprecated, relationship('revoked-by', revoked, replacement)]));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let vaults = 0;

/** Writes the notes (path → content) as a vault and imports it with the sample ATT&CK data. */
async function importNotes(files: Record<string, string | Buffer>, options: { strict?: boolean } = {}): Promise<ImportResult & { note: (title: string) => Omit<Note, 'html' | 'teamHtml'> & { html: string; teamHtml: string } }> {
  const root = join(dir, `vault-${++vaults}`);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  const result = await runImport({ bundles: [bundlePath], vault: root, strict: options.strict });
  /** The note with its rich texts rendered as a page under `/` would show them. */
  const note = (title: string) => {
    const found = result.collections.notes.find((candidate) => candidate.title === title);
    if (!found) throw new Error(`no note "${title}"`);
    return { ...found, html: renderRichText(found.html, '/'), teamHtml: renderRichText(found.teamHtml, '/') };
  };
  return { ...result, note };
}

const messages = (result: ImportResult) => result.report.warnings.map((warning) => warning.message);

describe('links', () => {
  it('resolves [[Note]], [[Note|alias]], [[Note#Heading]], [[Note#Heading|alias]] and [[Note#^block]]', async () => {
    const { note } = await importNotes({
      'Target.md': '# Top\n\n## Some Heading\n\nA paragraph. ^para-1\n',
      'Source.md': '[[Target]] [[Target|alias]] [[Target#Some Heading]] [[Target#Some Heading|al]] [[Target#^para-1]]',
    });
    const html = note('Source').html;
    expect(html).toContain('<a href="/notes/target/" class="wikilink">Target</a>');
    expect(html).toContain('<a href="/notes/target/" class="wikilink">alias</a>');
    expect(html).toContain('<a href="/notes/target/#some-heading" class="wikilink">Target › Some Heading</a>');
    expect(html).toContain('<a href="/notes/target/#some-heading" class="wikilink">al</a>');
    expect(html).toContain('<a href="/notes/target/#block-para-1" class="wikilink">Target › para-1</a>');
    expect(note('Target').html).toContain('<p id="block-para-1">A paragraph.</p>');
    expect(note('Target').html).toContain('<h2 id="some-heading">Some Heading</h2>');
  });

  it('links to the note alone, with a warning, when the heading or block is not there', async () => {
    const result = await importNotes({
      'Target.md': '## Real\n\ntext ^real\n',
      'Source.md': '[[Target#Real]] [[Target#Missing]] [[Target#^real]] [[Target#^gone]] [[#Nowhere]]',
    });
    const hrefs = [...result.note('Source').html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(['/notes/target/#real', '/notes/target/', '/notes/target/#block-real', '/notes/target/', '#']);
    expect(messages(result)).toEqual(expect.arrayContaining([
      'no heading or block "Missing" in Target.md; linked to the note',
      'no heading or block "^gone" in Target.md; linked to the note',
      'no heading or block "Nowhere" in Source.md; linked to the note',
    ]));
  });

  it('reads [[Note\\|alias]] inside tables', async () => {
    const { note } = await importNotes({
      'Target.md': 'x',
      'Table.md': '| a | b |\n|---|---|\n| [[Target\\|the target]] | z |\n',
    });
    expect(note('Table').html).toMatch(/<td><a href="\/notes\/target\/" class="wikilink">the target<\/a><\/td>\s*<td>z<\/td>/);
  });

  it('sends ATT&CK ids to ATT&CK pages, the id winning over a note of that name', async () => {
    const { note } = await importNotes({
      'PowerShell.md': 'A note that happens to be called PowerShell.',
      'Links.md': '[[T1059.001]] [[t1059]] [[TA0002]] [[G0001]] [[PowerShell|T1059.001 - PowerShell]] [[PowerShell]]',
    });
    const html = note('Links').html;
    expect(html).toContain('<a href="/techniques/T1059/001/" title="T1059.001 PowerShell" class="wikilink">T1059.001</a>');
    expect(html).toContain('<a href="/techniques/T1059/" title="T1059 Command and Scripting Interpreter" class="wikilink">t1059</a>');
    expect(html).toContain('href="/tactics/TA0002/"');
    expect(html).toContain('href="/groups/G0001/"');
    expect(html).toContain('<a href="/techniques/T1059/001/" title="T1059.001 PowerShell" class="wikilink">T1059.001 - PowerShell</a>');
    expect(html).toContain('<a href="/notes/powershell/" class="wikilink">PowerShell</a>');
    expect(note('Links').linksToAttack).toHaveLength(4);
  });

  it('sends a revoked id to its replacement and a deprecated one to its page, with warnings', async () => {
    const result = await importNotes({ 'Old.md': 'See [[T1086]], [[T1064]] and [old](https://attack.mitre.org/techniques/T1086/).' });
    const html = result.note('Old').html;
    expect(html).toContain('<a href="/techniques/T1059/001/" title="T1086 PowerShell (old), revoked: now T1059.001 PowerShell" class="wikilink outdated-link">T1086<span class="link-status"> (revoked)</span></a>');
    expect(html).toContain('<a href="/techniques/T1064/" title="T1064 Scripting, deprecated: no longer in use" class="wikilink outdated-link">T1064<span class="link-status"> (deprecated)</span></a>');
    expect(html).toContain('<a href="/techniques/T1059/001/" title="T1086 PowerShell (old), revoked: now T1059.001 PowerShell" class="outdated-link">old<span class="link-status"> (revoked)</span></a>');
    expect(messages(result)).toEqual(expect.arrayContaining([
      'T1086 is revoked; linked to its replacement T1059.001',
      'T1064 is deprecated',
    ]));
  });

  it('resolves by path, then file name (shortest path), then alias, and / as -', async () => {
    const { note } = await importNotes({
      'a/DNS.md': 'deep',
      'DNS.md': 'shallow',
      'b/c/DNS.md': 'deeper',
      'Aliased.md': '---\naliases: [Other Name]\nalias: Single Alias\n---\nx',
      'Scheduled Task-Job.md': 'dash',
      'Links.md': '[[a/DNS]] [[DNS]] [[dns]] [[c/DNS]] [[Other Name]] [[single alias]] [[Scheduled Task/Job]]',
    });
    const hrefs = [...note('Links').html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual([
      '/notes/a/dns/',
      '/notes/dns/',
      '/notes/dns/',
      '/notes/b/c/dns/',
      '/notes/aliased/',
      '/notes/aliased/',
      '/notes/scheduled-task-job/',
    ]);
  });

  it('shows unresolved links as broken text and reports path, line and target', async () => {
    const result = await importNotes({ 'Broken.md': '---\ntitle: Broken\n---\nFirst line.\n\nSee [[Nowhere]] and [[]].\n' });
    expect(result.note('Broken').html).toContain('<span class="broken-link" title="Unresolved link: Nowhere">Nowhere</span>');
    expect(result.note('Broken').html).not.toContain('href="Nowhere"');
    expect(result.report.brokenLinks).toEqual([
      { source: expect.stringMatching(/vault-\d+\/Broken\.md$/), line: 6, target: 'Nowhere', reason: 'no such note' },
      { source: expect.stringMatching(/Broken\.md$/), line: 6, target: '', reason: 'empty link' },
    ]);
    const strict = await importNotes({ 'Broken.md': '[[Nowhere]]' }, { strict: true }).catch((error: unknown) => error);
    expect(strict).toBeInstanceOf(ImportError);
    expect((strict as ImportError).message).toMatch(/Broken\.md:1: broken link \[\[Nowhere\]\] \(no such note\)/);
  });

  it('leaves links to unpublished notes as plain text, not broken', async () => {
    const result = await importNotes({ 'Hidden.md': '---\npublish: false\n---\nsecret', 'Public.md': 'see [[Hidden]]' });
    expect(result.collections.notes.map((n) => n.title)).toEqual(['Public']);
    expect(result.note('Public').html).toContain('<span class="unpublished-link">Hidden</span>');
    expect(result.report.brokenLinks).toEqual([]);
  });
});

describe('backlinks on the pages', () => {
  it('lists under "Referenced by" only the notes not already shown as team notes or procedures', async () => {
    const { collections, note } = await importNotes({
      'About.md': '---\nmitre_id: T1059.001\n---\nSee [[T1059.001]].',
      'Procedure.md': '---\ntype: procedure\nmitre_techniques: [T1059.001]\n---\nRun [[T1059.001]] and read [[About]].',
      'Mention.md': 'Mentions [[T1059.001]] and [[About]].',
    });
    const vault = new Vault(collections.notes);
    const stored = (title: string) => collections.notes.find((candidate) => candidate.title === title);
    const powershell = 'attack-pattern--t1059-001';
    expect(vault.notesAbout(powershell)).toEqual([stored('About')]);
    expect(vault.proceduresFor(powershell)).toEqual([stored('Procedure')]);
    expect(vault.linksTo(powershell).map((n) => n.title)).toEqual(['About', 'Mention', 'Procedure']);
    expect(vault.otherLinksTo(powershell)).toEqual([stored('Mention')]);
    expect(vault.linksTo(note('About').id).map((n) => n.title)).toEqual(['Mention', 'Procedure']);
  });

  it('never lists a note as referencing itself (its own headings, embeds of itself)', async () => {
    const { collections, note } = await importNotes({ 'Host.md': 'Shows ![[Guest]]\n\n## Part\n\nSee [[#Part]] and ![[Host#Part]].', 'Guest.md': 'Part of [[Host]].' });
    expect(note('Host').linksToNotes).toContain(note('Host').id);
    const vault = new Vault(collections.notes);
    expect(vault.linksTo(note('Host').id).map((n) => n.title)).toEqual(['Guest']);
  });
});

describe('embeds and images', () => {
  const files = {
    'Source.md': '# Source\n\nIntro. ^intro\n\n## Part\n\nPart text.\n\n## Other\n\nOther text.\n',
    'images/pic.png': Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
    'notes/Host.md': [
      '![[Source]]',
      '',
      '![[Source#Part]]',
      '',
      '![[Source#^intro]]',
      '',
      '![[pic.png]]',
      '',
      '![[pic.png|200]]',
      '',
      '![relative](../images/pic.png) ![rooted](/images/pic.png) ![outside](https://example.com/x.png)',
    ].join('\n'),
  };

  it('embeds whole notes, sections and blocks', async () => {
    const { note } = await importNotes(files);
    const embeds = [...note('Host').html.matchAll(/<div class="embed">([\s\S]*?)<\/div>/g)].map((match) => match[1]!);
    expect(embeds).toHaveLength(3);
    expect(embeds[0]).toContain('Part text.');
    expect(embeds[0]).toContain('Other text.');
    expect(embeds[1]).toContain('Part text.');
    expect(embeds[1]).not.toContain('Other text.');
    expect(embeds[2]).toContain('Intro.');
    expect(embeds[2]).not.toContain('Part text.');
    expect(embeds[0]).not.toContain(' id=');
    expect(embeds[1]).toContain('<a href="/notes/source/#part">Source</a>');
  });

  it('publishes embedded images, in any form, and turns outside images into links', async () => {
    const result = await importNotes(files);
    const html = result.note('Host').html;
    expect(html).toContain('<img src="/files/images/pic.png" alt="pic.png">');
    expect(html).toContain('<img src="/files/images/pic.png" alt="pic.png" width="200">');
    expect(html).toContain('<img src="/files/images/pic.png" alt="relative">');
    expect(html).toContain('<img src="/files/images/pic.png" alt="rooted">');
    expect(html).toContain('<a href="https://example.com/x.png">outside (external image)</a>');
    expect(result.collections.vaultfiles).toEqual([{ id: 'images/pic.png', path: '/files/images/pic.png' }]);
  });

  it('shows a circular embed as a link', async () => {
    const result = await importNotes({ 'A.md': '![[B]]', 'B.md': '![[A]]' });
    expect(result.note('A').html).toContain('<div class="embed">');
    expect(messages(result)).toContain('embed of "A" is circular or nested too deep; shown as a link');
  });
});

describe('Obsidian syntax', () => {
  it('renders callouts, foldable ones as <details>', async () => {
    const { note } = await importNotes({
      'Callouts.md': '> [!note] Title here\n> Body\n\n> [!warning]- Folded\n> hidden\n\n> [!tip]+ Open\n> shown\n',
    });
    const html = note('Callouts').html;
    expect(html).toContain('<div data-callout="" data-callout-type="note">\n<div data-callout-title="">Title here</div>');
    expect(html).toContain('<details data-callout="" data-callout-type="warning">\n<summary data-callout-title="">Folded</summary>');
    expect(html).toContain('<details data-callout="" data-callout-type="tip" open>');
  });

  it('links #tags and #nested/tags, but not in code, links or numbers', async () => {
    const { note } = await importNotes({
      'Tags.md': '---\ntags: [front, "#hashed"]\ntag: singular\n---\nText #inline and #nested/tag, not `#code`, not #123, not [a #link](https://x.example/#a).\n',
    });
    const tagged = note('Tags');
    expect(tagged.tags).toEqual(['front', 'hashed', 'singular', 'inline', 'nested/tag']);
    expect(tagged.html).toContain('<a href="/tags/inline/" class="tag">#inline</a>');
    expect(tagged.html).toContain('<a href="/tags/nested/tag/" class="tag">#nested/tag</a>');
    expect(tagged.html).toContain('<code>#code</code>');
    expect(tagged.html).toContain('not #123');
  });

  it('removes %%comments%%, inline and across lines, but not in code', () => {
    expect(stripComments('a %%hidden%% b')).toBe('a  b');
    expect(stripComments('a %%start\nmiddle\nend%% b')).toBe('a \n\n b');
    expect(stripComments('```\n%%kept%%\n```\n%%gone%%')).toBe('```\n%%kept%%\n```\n');
  });

  it('marks ==highlights==', async () => {
    const { note } = await importNotes({ 'Marks.md': 'a ==marked== b' });
    expect(note('Marks').html).toBe('<p>a <mark>marked</mark> b</p>');
  });

  it('reads title, aliases, permalink and publish from frontmatter', async () => {
    const result = await importNotes({
      'file-name.md': '---\ntitle: Shown Title\naliases: [A1, A2]\npermalink: /guides/the-guide/\n---\nx',
      'Unpublished.md': '---\npublish: false\n---\nx',
      'Reserved.md': '---\npermalink: /techniques/T1059/\n---\nx',
    });
    expect(result.note('Shown Title')).toMatchObject({ aliases: ['A1', 'A2'], path: '/guides/the-guide/' });
    expect(result.note('Reserved').path).toBe('/notes/reserved/');
    expect(result.collections.notes.map((n) => n.title)).not.toContain('Unpublished');
    expect(messages(result)).toContain('permalink "/techniques/T1059/" is not usable here; the note keeps its own path');
  });

  it('makes safe page paths whatever the file name', async () => {
    const result = await importNotes({
      'weird/a..b: with \\ stuff?.md': 'x',
      'café/Ünïcode.md': 'y',
      'Escape.md': '---\npermalink: "../../etc/pass\\0wd/.."\n---\nz',
    });
    expect(result.collections.notes.map((n) => n.path).sort()).toEqual(['/etc/passwd/', '/notes/café/ünïcode/', '/notes/weird/ab-with-stuff/']);
  });
});

describe('bad input', () => {
  it('shows broken YAML as text, leaves out binary, non-UTF-8 and oversized notes, naming each', async () => {
    const result = await importNotes({
      'Good.md': 'fine',
      'Broken YAML.md': '---\nname: [unclosed\n---\nx',
      'binary.md': Buffer.from([0x69, 0x00, 0x01, 0xff]),
      'latin1.md': Buffer.from('Caf\xe9', 'latin1'),
      'huge.md': 'x'.repeat(NOTE_SIZE_LIMIT + 1),
    });
    expect(result.collections.notes.map((n) => n.title)).toEqual(['Broken YAML', 'Good']);
    expect(result.note('Broken YAML').html).toContain('<pre><code>name: [unclosed\n</code></pre>');
    const problems = result.report.warnings.map((w) => `${w.source!.split('/').at(-1)}:${w.line ?? ''} ${w.message}`);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Broken YAML\.md:\d+ broken YAML frontmatter \(.*\); shown as text$/),
      'binary.md: binary file named .md; left out',
      'latin1.md: not UTF-8 text; left out',
      'huge.md: note larger than 2 MiB; left out',
    ]));
  });

  it('leaves out symlinks pointing outside the vault', async () => {
    const outside = join(dir, 'outside.md');
    await writeFile(outside, 'secret');
    const root = join(dir, 'vault-links');
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'Inside.md'), 'inside');
    await symlink(outside, join(root, 'Escape.md'));
    await symlink(join(root, 'Inside.md'), join(root, 'Alias.md'));
    const result = await runImport({ bundles: [bundlePath], vault: root });
    expect(result.collections.notes.map((n) => n.file).sort()).toEqual(['Alias.md', 'Inside.md']);
    expect(result.report.warnings).toContainEqual(expect.objectContaining({
      source: join(root, 'Escape.md'),
      message: 'symlink pointing outside the vault (or nowhere); left out',
    }));
  });

  it('gives a permalink to the first note claiming it and warns about the second', async () => {
    const result = await importNotes({ 'A.md': '---\npermalink: shared\n---\na', 'B.md': '---\npermalink: shared\n---\nb' });
    expect(result.note('A').path).toBe('/shared/');
    expect(result.note('B').path).toBe('/notes/b/');
    expect(messages(result)).toContain('its permalink /shared/ is taken by A.md; published at /notes/b/');
  });

  it('turns every one of these into an error with --strict', async () => {
    const error = await importNotes({ 'Broken YAML.md': '---\nname: [unclosed\n---\nx' }, { strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
  });
});
