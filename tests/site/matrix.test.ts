/** The built matrix pages: which exist, and what they link to, under the base path. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const siteDir = inject('siteDir');
const base = inject('siteBase');

function readPage(path: string): Promise<string> {
  return readFile(join(siteDir, path, 'index.html'), 'utf8');
}

function links(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
}

describe('the matrix pages', () => {
  it('exist for each domain and platform, but not for the deprecated or placeholder ones', async () => {
    const index = await readPage('matrices');
    const matrixLinks = links(index).filter((link) => link.startsWith(`${base}matrices/`) && link !== `${base}matrices/`);
    expect(matrixLinks).toEqual(
      expect.arrayContaining([
        `${base}matrices/enterprise/`,
        `${base}matrices/mobile/`,
        `${base}matrices/ics/`,
        `${base}matrices/enterprise/windows/`,
        `${base}matrices/enterprise/network-devices/`,
        `${base}matrices/mobile/android/`,
        `${base}matrices/mobile/ios/`,
      ]),
    );
    expect(matrixLinks).not.toContain(`${base}matrices/ics/none/`);
    for (const link of matrixLinks) expect(await readPage(link.slice(base.length)), link).toContain('<table class="matrix"');
    expect(index).toContain('14 tactics, 216 techniques and 475 sub-techniques');
  });

  it('link tactics, techniques and sub-techniques under the base path', async () => {
    const enterprise = links(await readPage('matrices/enterprise'));
    expect(enterprise).toContain(`${base}tactics/TA0043/`);
    expect(enterprise).toContain(`${base}techniques/T1059/`);
    expect(enterprise).toContain(`${base}techniques/T1059/001/`);
    expect(enterprise.filter((link) => link.startsWith('/') && !link.startsWith(base))).toEqual([]);
  });

  it('give a platform view its title, description, breadcrumbs and current view', async () => {
    const windows = await readPage('matrices/enterprise/windows');
    expect(windows).toContain('<title>Enterprise Matrix: Windows | ATT&amp;CK Knowledge Base</title>');
    expect(windows).toMatch(/<meta name="description" content="The Enterprise ATT&amp;CK matrix narrowed to Windows: [^"]+">/);
    expect(windows).toMatch(new RegExp(`<a href="${base}matrices/enterprise/windows/"[^>]*aria-current="page"`));
    const breadcrumbs = /<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(windows)![0].replace(/<[^>]+>|\s+/g, ' ');
    expect(breadcrumbs.split(' ').filter(Boolean)).toEqual(['Home', 'Matrices', 'Enterprise', 'Windows']);
    expect(links(windows)).not.toContain(`${base}techniques/T1595/`);
  });
});
