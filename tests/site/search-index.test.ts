/** The search index of the full build: which pages it holds and what each tells it. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { NameEntry, NameFile } from '../../src/lib/search/name-file.ts';
import { UNSEARCHED_SELECTORS } from '../../src/pipeline/emit/search-index.ts';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LIVE_PAGES, readBuiltPages, type BuiltPage } from '../helpers/site-files.ts';

const siteDir = inject('siteDir');

interface Page extends BuiltPage {
  /** The status of an ATT&CK object page: active, revoked or deprecated. */
  status: string | undefined;
  isNote: boolean;
  /** A Sigma rule's page or a technique's Atomic tests page. */
  isDetection: boolean;
}

let pages: Page[];

beforeAll(async () => {
  pages = (await readBuiltPages(siteDir, LIVE_PAGES)).map((built) => ({
    ...built,
    status: /<article class="object"[^>]* data-status="([^"]+)"/.exec(built.html)?.[1],
    isNote: built.html.includes('<article class="note"'),
    isDetection: /^(sigma\/rules\/[^/]+|atomics\/T\d{4}(\/\d{3})?)\/index\.html$/.test(built.file),
  }));
});

const indexed = (page: Page) => page.html.includes('data-pagefind-body');
const page = (file: string) => pages.find((candidate) => candidate.file === file)!;
const filterValues = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`data-pagefind-filter="${name}">([^<]*)<`, 'g'))].map((match) => match[1]);

describe('the search index', () => {
  it('holds every active object page, every note, Sigma rule and Atomic tests page, and nothing else', async () => {
    const active = pages.filter((candidate) => candidate.status === 'active');
    const notes = pages.filter((candidate) => candidate.isNote);
    const detections = pages.filter((candidate) => candidate.isDetection);
    expect(active.length).toBeGreaterThan(3000);
    expect(detections.length).toBeGreaterThan(3000);
    expect(notes.map((note) => note.file)).toEqual(expect.arrayContaining(['procedures/zone-transfer-check/index.html', 'playbooks/dns-reconnaissance/index.html']));
    const expected = [...active, ...notes, ...detections].map((candidate) => candidate.file).sort();
    expect(pages.filter(indexed).map((candidate) => candidate.file).sort()).toEqual(expected);
    const entry = JSON.parse(await readFile(join(siteDir, 'pagefind/pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(expected.length);
  });

  it('leaves revoked and deprecated objects out', () => {
    expect(page('techniques/T1066/index.html').status).toBe('revoked');
    expect(page('groups/G0014/index.html').status).toBe('deprecated');
    expect(indexed(page('techniques/T1066/index.html'))).toBe(false);
    expect(indexed(page('groups/G0014/index.html'))).toBe(false);
  });

  it('gives each page its metadata and filters', () => {
    const html = page('techniques/T1059/001/index.html').html;
    expect(html).toContain('<span data-pagefind-meta="title">Command and Scripting Interpreter: PowerShell</span>');
    expect(html).toContain('<span data-pagefind-meta="id">T1059.001</span>');
    expect(filterValues(html, 'type')).toEqual(['Technique']);
    expect(filterValues(html, 'domain')).toEqual(['Enterprise']);
    expect(filterValues(html, 'tactic')).toEqual(['Execution']);
    expect(filterValues(html, 'platform')).toEqual(['Windows']);
  });

  it('indexes the page text and the text of relationship rows at their anchors, not the ID card, references or the rows’ names', () => {
    const html = page('techniques/T1059/001/index.html').html;
    const body = html.slice(html.indexOf('data-pagefind-body'));
    expect(body).toMatch(/<aside class="id-card" aria-label="Summary" data-pagefind-ignore>/);
    expect(body).toMatch(/<ol class="references" data-pagefind-ignore>/);
    const row = /<tr[^>]* id="procedure-examples-G0016"[^>]*>([\s\S]*?)<\/tr>/.exec(body);
    expect(row?.[0]).toContain('data-pagefind-title="Procedure Examples: APT29"');
    // ID and name cells are left out by their class (UNSEARCHED_SELECTORS), not cell by cell.
    expect(row?.[1]).toMatch(/<td class="id-cell">/);
    expect(row?.[1]).toMatch(/<td class="name-cell">/);
    expect(UNSEARCHED_SELECTORS).toEqual(expect.arrayContaining(['.data-table .id-cell', '.data-table .name-cell']));
    expect(row?.[1]).toMatch(/<td class="prose" data-pagefind-weight="0.5">/);
    // The sub-techniques' own summaries are found on their own pages: the table is left out whole, its rows still anchored.
    const parent = page('techniques/T1059/index.html').html;
    expect(parent).toMatch(/<table class="data-table[^"]*" data-pagefind-ignore>(?:(?!<\/table>)[\s\S])*<tr[^>]* id="sub-techniques-T1059-001"/);
    expect(parent).not.toMatch(/<tr[^>]* id="sub-techniques-T1059-001"[^>]*data-pagefind-title/);
  });

  it('is a Pagefind bundle inside the site, with the name index beside it', async () => {
    const bundle = await readdir(join(siteDir, 'pagefind'));
    expect(bundle).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind', 'index', 'fragment', 'filter', 'names.json.gz']));
  });
});

describe('the name index', () => {
  let file: NameFile;
  const pathOf = (candidate: NameEntry) => candidate.url ?? `/${file.sections[file.types[candidate.type]!]}/${candidate.id!.replace('.', '/')}/`;
  const entry = (url: string) => file.entries.find((candidate) => pathOf(candidate) === url) as NameEntry;

  beforeAll(async () => {
    file = JSON.parse(gunzipSync(await readFile(join(siteDir, 'pagefind/names.json.gz'))).toString('utf8')) as NameFile;
  });

  it('has every indexed page, under its id in Pagefind’s index', async () => {
    const fragments = (await readdir(join(siteDir, 'pagefind/fragment'))).map((name) => name.replace(/\.pf_fragment$/, '')).sort();
    expect(file.entries.map(({ page }) => page).sort()).toEqual(fragments);
    expect(file.entries.map((candidate) => `${pathOf(candidate).slice(1)}index.html`).sort()).toEqual(pages.filter(indexed).map(({ file: name }) => name).sort());
  });

  it('gives each page its names and ids, and the ids of the parts it shows at an anchor', () => {
    expect(entry('/techniques/T1059/001/')).toMatchObject({ title: 'Command and Scripting Interpreter: PowerShell', id: 'T1059.001', aliases: ['PowerShell'] });
    expect(file.types[entry('/techniques/T1059/001/').type]).toBe('Technique');
    expect(entry('/detectionstrategies/DET0001/').parts).toContain('AN0001');
    expect(entry('/playbooks/dns-reconnaissance/')).toMatchObject({ title: 'Investigating DNS Reconnaissance', aliases: ['DNS recon playbook'] });
  });

  it('gives each object the names and ids it had in every loaded release, and those of the objects it replaced', () => {
    // Renamed in 18.0 (the test site loads 17.1 too); T1139 Bash History was revoked by it long ago.
    expect(entry('/techniques/T1552/003/').formerly).toEqual([{ name: 'Bash History', id: 'T1139' }, { name: 'Bash History', id: 'T1552.003' }]);
    expect(entry('/techniques/T1574/001/').formerly).toContainEqual({ name: 'DLL Side-Loading', id: 'T1574.002' });
    expect(entry('/techniques/T1027/005/').formerly).toContainEqual({ name: 'Indicator Removal from Tools', id: 'T1066' });
    expect(entry('/groups/G0016/').formerly?.map(({ id }) => id)).toContain('G0118');
  });

  it('gives names the abbreviations ATT&CK’s text defines for them', () => {
    expect(entry('/techniques/T1021/001/').abbreviations).toContain('RDP');
    expect(entry('/techniques/T1047/').abbreviations).toContain('WMI');
    expect(entry('/tactics/TA0011/').abbreviations).toContain('C2');
    expect(entry('/techniques/T1548/002/').keywords).toContain('UAC');
  });
});
