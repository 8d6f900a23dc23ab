/** The search index of the full build: which pages it holds and what each tells it. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LIVE_PAGES, readBuiltPages, type BuiltPage } from '../helpers/site-files.ts';

const siteDir = inject('siteDir');

interface Page extends BuiltPage {
  /** The status of an ATT&CK object page: active, revoked or deprecated. */
  status: string | undefined;
  isNote: boolean;
}

let pages: Page[];

beforeAll(async () => {
  pages = (await readBuiltPages(siteDir, LIVE_PAGES)).map((built) => ({
    ...built,
    status: /<article class="object"[^>]* data-status="([^"]+)"/.exec(built.html)?.[1],
    isNote: built.html.includes('<article class="note"'),
  }));
});

const indexed = (page: Page) => page.html.includes('data-pagefind-body');
const page = (file: string) => pages.find((candidate) => candidate.file === file)!;
const filterValues = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`data-pagefind-filter="${name}">([^<]*)<`, 'g'))].map((match) => match[1]);

describe('the search index', () => {
  it('holds every active object page and every note, and nothing else', async () => {
    const active = pages.filter((candidate) => candidate.status === 'active');
    const notes = pages.filter((candidate) => candidate.isNote);
    expect(active.length).toBeGreaterThan(3000);
    expect(notes.map((note) => note.file)).toEqual(expect.arrayContaining(['procedures/zone-transfer-check/index.html', 'playbooks/dns-reconnaissance/index.html']));
    const expected = [...active, ...notes].map((candidate) => candidate.file).sort();
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

  it('gives each page its metadata, exact-match keys and filters', () => {
    const html = page('techniques/T1059/001/index.html').html;
    expect(html).toContain('<span data-pagefind-meta="title">Command and Scripting Interpreter: PowerShell</span>');
    expect(html).toContain('<span data-pagefind-meta="id">T1059.001</span>');
    expect(filterValues(html, 'type')).toEqual(['Technique']);
    expect(filterValues(html, 'exact_id')).toEqual(['T1059.001', 'T1086']);
    expect(filterValues(html, 'exact_name')).toEqual(['command and scripting interpreter powershell', 'powershell']);
    expect(filterValues(html, 'domain')).toEqual(['Enterprise']);
    expect(filterValues(html, 'tactic')).toEqual(['Execution']);
    expect(filterValues(html, 'platform')).toEqual(['Windows']);
    expect(filterValues(page('detectionstrategies/DET0001/index.html').html, 'exact_id')).toContain('AN0001');
  });

  it('indexes the page text but not the related-object tables, ID card or references', () => {
    const html = page('techniques/T1059/001/index.html').html;
    const body = html.slice(html.indexOf('data-pagefind-body'));
    expect(body).toMatch(/<div class="table-scroll" data-pagefind-ignore>/);
    expect(body).toMatch(/<aside class="id-card" aria-label="Summary" data-pagefind-ignore>/);
    expect(body).toMatch(/<ol class="references" data-pagefind-ignore>/);
  });

  it('is a Pagefind bundle inside the site', async () => {
    const bundle = await readdir(join(siteDir, 'pagefind'));
    expect(bundle).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'wasm.en.pagefind', 'index', 'fragment', 'filter']));
  });
});
