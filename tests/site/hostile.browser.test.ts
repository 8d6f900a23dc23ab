/**
 * A site built from the hostile corpus (tests/corpus/): the payloads reach the pages as text, no
 * page holds unsafe markup or a broken link, nothing is written outside the output folder, and in
 * Chromium no page runs script, asks for anything outside the site or trips the CSP.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTags } from '../../src/tools/html.ts';
import { checkLinks } from '../../src/tools/links.ts';
import { MARKUP_PAYLOADS } from '../corpus/hostile-payloads.ts';
import { buildHostileSite, HOSTILE_BASE } from '../corpus/hostile-site.ts';
import { unsafeMarkup } from '../helpers/html-safety.ts';
import { watchIncidents } from '../helpers/incidents.ts';
import { openSite, type SiteBrowser } from '../helpers/site-browser.ts';
import { readBuiltPages, type BuiltPage } from '../helpers/site-files.ts';
import { tempDir } from '../helpers/stix.ts';

/** Pages open at once in Chromium. */
const TABS = 3;

/** The parts of the site walked one test each; `other` holds every page of none of them. */
const SECTIONS = ['techniques', 'tactics', 'groups', 'software', 'campaigns', 'mitigations', 'detectionstrategies', 'datacomponents', 'datasources', 'assets', 'notes', 'procedures', 'tags', 'other'];

function sectionOf(page: BuiltPage): string {
  const first = page.file.split('/')[0]!;
  return SECTIONS.includes(first) ? first : 'other';
}

let dir: string;
let siteDir: string;
let pages: BuiltPage[];

beforeAll(async () => {
  dir = await tempDir();
  siteDir = await buildHostileSite(dir);
  pages = await readBuiltPages(siteDir);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a site built from hostile STIX', () => {
  it('has a page for every payload, which shows the payload as text', () => {
    expect(pages.length).toBeGreaterThan(MARKUP_PAYLOADS.length * 10);
    const technique = pages.find((page) => page.file === 'techniques/T9000/index.html')!;
    expect(technique.html).toContain('&lt;script&gt;alert(&#39;PWNED&#39;)&lt;/script&gt;');
  });

  it('holds no event handler, script URL, inline script or style, or outside resource on any page', () => {
    const findings = pages.flatMap((page) =>
      unsafeMarkup(readTags(page.html), HOSTILE_BASE).map((finding) => `${page.file}: ${finding}`),
    );
    expect(findings).toEqual([]);
  });

  it('publishes no vault file whose bytes are not the image its name says', async () => {
    const files = await readdir(join(siteDir, 'files'), { recursive: true }).catch(() => []);
    expect(files.filter((file) => file.endsWith('evil.avif'))).toEqual([]);
  });

  it('has no broken link', () => {
    expect(checkLinks(siteDir, HOSTILE_BASE).broken).toEqual([]);
  });

  it('writes nothing outside the output folder, and only plain file names in it', async () => {
    expect((await readdir(dir)).sort()).toEqual(['generated', 'inputs', 'site']);
    // Letters and digits of any script are plain; controls, quotes, slashes of other kinds are not.
    const odd = (await readdir(siteDir, { recursive: true })).filter((path) => !/^[\p{L}\p{N}_./-]+$/u.test(path));
    expect(odd).toEqual([]);
  });

});

/**
 * Every page, opened in Chromium, one test per part of the site: each is bounded by its pages
 * (a few hundred at most), not by how busy the machine is, and reports on its own.
 */
describe('the hostile site in Chromium', () => {
  let site: SiteBrowser;
  beforeAll(async () => {
    site = await openSite(siteDir, HOSTILE_BASE);
  });
  afterAll(async () => {
    // Closed before the files go: a walk cut short must not read a site that is being deleted.
    await site?.close();
  });

  it.each(SECTIONS)('runs no script, asks for nothing outside the site and trips no CSP rule on the %s pages', async (section) => {
    const mine = pages.filter((page) => sectionOf(page) === section);
    expect(mine.length, section).toBeGreaterThan(0);
    const context = await site.browser.newContext();
    try {
      const incidents = await watchIncidents(context, site.url);
      const queue = mine.map((page) => `${site.url}${page.path}`);
      await Promise.all(
        Array.from({ length: TABS }, async () => {
          const tab = await context.newPage();
          for (let url = queue.shift(); url; url = queue.shift()) {
            await tab.goto(url);
            // Events such as ontoggle fire a task after load.
            await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
          }
        }),
      );
      expect(incidents).toEqual([]);
    } finally {
      await context.close();
    }
  }, 600_000);
});
