/**
 * A site built from the hostile corpus (tests/corpus/): the payloads reach the pages as text, no
 * page holds unsafe markup or a broken link, nothing is written outside the output folder, and in
 * Chromium no page runs script, asks for anything outside the site or trips the CSP.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/tools/links.ts';
import { REFUSED_RULES } from '../corpus/hostile-detections.ts';
import { MARKER, MARKUP_PAYLOADS } from '../corpus/hostile-payloads.ts';
import { HOSTILE_BASE } from '../corpus/hostile-site.ts';
import { HOSTILE_DIR } from '../test-sites.ts';
import { readDomTags } from '../helpers/dom-tags.ts';
import { unsafeMarkup } from '../helpers/html-safety.ts';
import { watchIncidents } from '../helpers/incidents.ts';
import { openSite, type SiteBrowser } from '../helpers/site-browser.ts';
import { readBuiltPages, type BuiltPage } from '../helpers/site-files.ts';

/** Pages open at once in Chromium. */
const TABS = 2;
/** One page in this many is opened in Chromium (see walkedPages). */
const WALK_SHARE = 3;

/** The parts of the site walked one test each; `other` holds every page of none of them. */
const SECTIONS = ['techniques', 'tactics', 'groups', 'software', 'campaigns', 'mitigations', 'detectionstrategies', 'datacomponents', 'datasources', 'assets', 'notes', 'procedures', 'tags', 'sigma', 'atomics', 'other'];

function sectionOf(page: BuiltPage): string {
  const first = page.file.split('/')[0]!;
  return SECTIONS.includes(first) ? first : 'other';
}

/** Built by the global setup, with its inputs and collections beside it. */
const siteDir = join(HOSTILE_DIR, 'site');
let pages: BuiltPage[];

beforeAll(async () => {
  pages = await readBuiltPages(siteDir);
});

describe('a site built from hostile STIX', () => {
  it('has a page for every payload, which shows the payload as text', () => {
    expect(pages.length).toBeGreaterThan(MARKUP_PAYLOADS.length * 10);
    const technique = pages.find((page) => page.file === 'techniques/T9000/index.html')!;
    expect(technique.html).toContain('&lt;script&gt;alert(&#39;PWNED&#39;)&lt;/script&gt;');
  });

  it('holds no event handler, script URL, inline script or style, or outside resource on any page', () => {
    const findings = pages.flatMap((page) =>
      unsafeMarkup(readDomTags(page.html), HOSTILE_BASE).map((finding) => `${page.file}: ${finding}`),
    );
    expect(findings).toEqual([]);
  });

  it('publishes no vault file whose bytes are not the image its name says', async () => {
    const files = await readdir(join(siteDir, 'files'), { recursive: true }).catch(() => []);
    expect(files.filter((file) => file.endsWith('evil.avif'))).toEqual([]);
  });

  it('publishes SVG images sanitized: nothing of the script, handler or outside image in them is left', async () => {
    const svg = await readFile(join(siteDir, 'files', 'files', 'evil.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain(MARKER);
    expect(svg).not.toMatch(/<script|\son\w+=|javascript:/i);
  });

  it('shows the payloads of hostile Sigma rules and Atomic tests as text, on their pages and on the technique they are about', () => {
    const script = '&lt;script&gt;alert(&#39;PWNED&#39;)&lt;/script&gt;';
    const rule = pages.find((page) => page.file === 'sigma/rules/00000000-0000-4000-8000-000000000000/index.html')!;
    const atomic = pages.find((page) => page.file === 'atomics/T9000/index.html')!;
    const technique = pages.find((page) => page.file === 'techniques/T9000/index.html')!;
    expect(rule.html).toContain(`<h1 data-pagefind-ignore>${script}</h1>`);
    expect(atomic.html).toContain(script);
    expect(technique.html).toContain('id="sigma-rules"');
    expect(technique.html).toContain('id="atomic-tests"');
  });

  it('leaves out the rules it cannot read safely, with a warning naming each file', async () => {
    const report = JSON.parse(await readFile(join(HOSTILE_DIR, 'generated', 'collections', 'import-report.json'), 'utf8'));
    for (const { file, message } of REFUSED_RULES) {
      const warnings = report.warnings.filter((warning: { source?: string }) => warning.source?.endsWith(`sigma/${file}`));
      expect(warnings.map((warning: { message: string }) => warning.message), file).toEqual([expect.stringMatching(message)]);
    }
  });

  it('has no broken link', () => {
    expect(checkLinks(siteDir, HOSTILE_BASE).broken).toEqual([]);
  });

  it('writes nothing outside the output folder, and only plain file names in it', async () => {
    expect((await readdir(HOSTILE_DIR)).sort()).toEqual(['generated', 'inputs', 'site']);
    // Letters and digits of any script are plain; controls, quotes, slashes of other kinds are not.
    const odd = (await readdir(siteDir, { recursive: true })).filter((path) => !/^[\p{L}\p{N}_./-]+$/u.test(path));
    expect(odd).toEqual([]);
  });

});

/**
 * Pages opened in Chromium, one test per part of the site, each bounded by its pages (at most a
 * few dozen), not by how busy the machine is. Every page was checked above as Chromium parses
 * it (parse5); the browser adds what only running the page shows (events, the site's own scripts
 * meeting hostile markup, the policy). Opening all 1,300 pages would cost four CPU-minutes, so
 * each part opens a third of its pages in id order, a different third for each part: every kind
 * of page meets a third of the payloads, and each payload meets four or five kinds of page.
 */
function walkedPages(section: string): BuiltPage[] {
  const offset = SECTIONS.indexOf(section);
  // Pages that only send the reader on (permalinks, revoked objects) would navigate away mid-check; their markup is checked above.
  const shown = pages.filter((page) => sectionOf(page) === section && !page.html.includes('http-equiv="refresh"'));
  return shown.filter((_, index) => (index + offset) % WALK_SHARE === 0);
}

describe('the hostile site in Chromium', () => {
  let site: SiteBrowser;
  beforeAll(async () => {
    site = await openSite(siteDir, HOSTILE_BASE);
  });
  afterAll(async () => {
    await site?.close();
  });

  it.each(SECTIONS)('runs no script, asks for nothing outside the site and trips no CSP rule on the %s pages', async (section) => {
    const mine = walkedPages(section);
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
