/** The full build of the vendored data: which pages exist and what they link to. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LIVE_PAGES } from '../helpers/site-files.ts';
import { TEST_SITE_URL } from '../test-sites.ts';

const siteDir = inject('siteDir');
const base = inject('siteBase');

interface ObjectPage {
  file: string;
  type: string;
  status: string;
  attackId: string;
  html: string;
}

let pages: ObjectPage[];

async function readPages(): Promise<ObjectPage[]> {
  // The live site: older releases' frozen pages have tests of their own (versions.test.ts).
  const files = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('index.html') && LIVE_PAGES(file));
  return Promise.all(
    files.map(async (file) => {
      const html = await readFile(join(siteDir, file), 'utf8');
      const article = /<article class="object" data-object-type="([^"]+)" data-status="([^"]+)" data-attack-id="([^"]+)"/.exec(html);
      return { file, html, type: article?.[1] ?? '', status: article?.[2] ?? '', attackId: article?.[3] ?? '' };
    }),
  );
}

beforeAll(async () => {
  pages = await readPages();
});

const active = (type: string) => pages.filter((page) => page.type === type && page.status === 'active');

describe('the built site', () => {
  it('has a page for every active technique and sub-technique of the three domains', () => {
    expect(active('technique').filter((page) => !page.attackId.includes('.'))).toHaveLength(376);
    expect(active('technique').filter((page) => page.attackId.includes('.'))).toHaveLength(522);
    expect(pages.find((page) => page.file === 'techniques/T1059/001/index.html')?.attackId).toBe('T1059.001');
  });

  it('has 38 tactic and 108 mitigation pages', () => {
    expect(active('tactic')).toHaveLength(38);
    expect(active('mitigation')).toHaveLength(108);
  });

  it('has a page for every active group, software, campaign, detection strategy, data component and asset', () => {
    expect(active('group')).toHaveLength(176);
    expect(active('software')).toHaveLength(910);
    const typeIs = (type: string) => new RegExp(`<dt><span class="field-name">Type</span>.*?</dt><dd>${type}</dd>`);
    expect(active('software').filter((page) => typeIs('Malware').test(page.html))).toHaveLength(817);
    expect(active('software').filter((page) => typeIs('Tool').test(page.html))).toHaveLength(93);
    expect(active('campaign')).toHaveLength(55);
    expect(active('detectionstrategy')).toHaveLength(898);
    expect(active('datacomponent')).toHaveLength(119);
    expect(active('asset')).toHaveLength(18);
  });

  it('shows every one of the 2,032 analytics on its detection strategy page and in /analytics/, a page at a time', async () => {
    const sections = active('detectionstrategy').flatMap((page) => [...page.html.matchAll(/<h3 id="(AN\d+)">/g)].map((m) => m[1]));
    expect(new Set(sections).size).toBe(2032);
    const list = pages.find((page) => page.file === 'analytics/index.html')!.html;
    expect(list.length).toBeLessThan(200_000);
    expect([...list.matchAll(/<tr data-domains=/g)]).toHaveLength(100);
    expect(list).toContain(`href="${base}detectionstrategies/DET0001/#AN0001"`);
    const data = JSON.parse(await readFile(join(siteDir, 'analytics/index.json'), 'utf8')) as { links: [string, string][]; rows: unknown[] };
    expect(data.rows).toHaveLength(2032);
    expect(data.links).toContainEqual(['AN1252', `${base}detectionstrategies/DET0455/#AN1252`]);
  });

  it('keeps deprecation pages for the data sources', () => {
    const dataSources = pages.filter((page) => page.type === 'datasource');
    expect(dataSources.length).toBeGreaterThan(30);
    expect(dataSources.every((page) => page.status === 'deprecated')).toBe(true);
  });

  it('has list pages per domain with counts for every section', () => {
    const list = (file: string) => pages.find((page) => page.file === file)?.html ?? '';
    expect(list('groups/enterprise/index.html')).toMatch(/This domain has \d+ groups/);
    expect(list('software/mobile/index.html')).toMatch(/This domain has \d+ software \(\d+ malware, \d+ tools\)/);
    expect(list('assets/ics/index.html')).toContain('This domain has 18 assets');
    expect(list('assets/enterprise/index.html')).toBe('');
    expect(list('detectionstrategies/index.html')).toContain(`href="${base}detectionstrategies/enterprise/"`);
  });

  it('lists every indexable page in the sitemap, at its absolute address, and no redirect', async () => {
    const index = await readFile(join(siteDir, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain(`<loc>${new URL(`${base}sitemap-0.xml`, TEST_SITE_URL).href}</loc>`);
    const sitemap = await readFile(join(siteDir, 'sitemap-0.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    const address = (path: string) => new URL(`${base}${path}`, TEST_SITE_URL).href;
    expect(locations).toContain(address('techniques/T1059/001/'));
    expect(locations).toContain(address('groups/G0016/'));
    expect(locations).not.toContain(address('techniques/T1150/'));
    expect(locations.length).toBe(pages.filter((page) => !page.html.includes('content="noindex"')).length);
  });

  it('gives every page a title, a meta description and (but for the home page) breadcrumbs', () => {
    for (const page of pages) {
      expect(page.html, page.file).toMatch(/<title>[^<]+<\/title>/);
      expect(page.html, page.file).toMatch(/<meta name="description" content="[^"]+"/);
      if (page.file !== 'index.html') expect(page.html, page.file).toContain('<nav class="breadcrumbs"');
    }
  });

  it('gives deprecated objects a page with a banner', () => {
    const deprecated = pages.find((page) => page.file === 'techniques/T0850/index.html')!;
    expect(deprecated.status).toBe('deprecated');
    expect(deprecated.html).toContain('<strong>Deprecated.</strong>');
  });

  it('sends revoked objects on to the final replacement', () => {
    const revoked = pages.find((page) => page.file === 'techniques/T1150/index.html')!;
    expect(revoked.status).toBe('revoked');
    expect(revoked.html).toContain(`<meta http-equiv="refresh" content="0; url=${base}techniques/T1647/">`);
  });

  it('leaves deprecated and revoked objects out of lists', () => {
    const list = pages.find((page) => page.file === 'techniques/ics/index.html')!.html;
    expect(list).not.toContain(`href="${base}techniques/T0850/"`);
    expect(list).toContain(`href="${base}techniques/T0800/"`);
  });

  it('says on the home page which release and domains were loaded', () => {
    const home = pages.find((page) => page.file === 'index.html')!.html;
    for (const domain of ['Enterprise', 'Mobile', 'ICS']) expect(home).toMatch(new RegExp(`${domain} ATT&(amp;)?CK 18\\.1`));
  });

  it('puts every internal link under the base path', () => {
    for (const page of pages) {
      const rootLinks = [...page.html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((match) => match[1]!);
      expect(rootLinks.filter((link) => !link.startsWith(base)), page.file).toEqual([]);
    }
  });

  it('loads nothing from another site', () => {
    for (const page of pages) {
      // A canonical link names the page's own address (--site); it loads nothing.
      const external = [...page.html.matchAll(/<(?:script|link|img)\b(?![^>]*rel="canonical")[^>]*(?:src|href)="(https?:)?\/\/[^"]*"/g)];
      expect(external.map((match) => match[0]), page.file).toEqual([]);
    }
  });
});
