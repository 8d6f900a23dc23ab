/** The full build of the vendored data: which pages exist and what they link to. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';

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
  const files = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('index.html'));
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
      const external = [...page.html.matchAll(/<(?:script|link|img)\b[^>]*(?:src|href)="(https?:)?\/\/[^"]*"/g)];
      expect(external.map((match) => match[0]), page.file).toEqual([]);
    }
  });
});
