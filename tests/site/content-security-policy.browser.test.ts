/** The Content-Security-Policy in Chromium: the site's own pages never trip it, and it refuses what they did not ship. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { MARKER } from '../corpus/hostile-payloads.ts';
import { watchIncidents } from '../helpers/incidents.ts';
import { openSite, type SiteBrowser } from '../helpers/site-browser.ts';
import { openRepresentative, REPRESENTATIVE_PAGES } from './representative-pages.ts';

let site: SiteBrowser;
let page: Page;
let incidents: string[];

beforeAll(async () => {
  site = await openSite(inject('siteDir'), inject('siteBase'));
  const context = await site.browser.newContext();
  incidents = await watchIncidents(context, site.url);
  page = await context.newPage();
});

beforeEach(() => {
  incidents.length = 0;
});

afterAll(async () => {
  await site?.close();
});

describe('the Content-Security-Policy in Chromium', () => {
  it.each(REPRESENTATIVE_PAGES)('lets the $name page load everything it needs', async (representative) => {
    await openRepresentative(page, site.url, representative);
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    expect(incidents).toEqual([]);
  });

  it('refuses script and style that the page did not ship', async () => {
    await page.goto(site.url);
    await page.evaluate((marker) => {
      const script = document.createElement('script');
      script.textContent = `console.log('${marker}')`;
      document.body.append(script);
      const style = document.createElement('style');
      style.textContent = 'main { display: none }';
      document.head.append(style);
      document.body.setAttribute('style', 'display: none');
    }, MARKER);
    // The page's meta policy and the server's header policy each report every violation.
    await expect.poll(() => new Set(incidents).size).toBe(3);
    expect(incidents.join('\n')).not.toContain(`console "${MARKER}"`);
    for (const directive of ['script-src-elem', 'style-src-elem', 'style-src-attr']) {
      expect(incidents.join('\n')).toContain(`violation: ${directive} refused inline`);
    }
    expect(await page.locator('main').isVisible()).toBe(true);
  });
});
