/**
 * The built test site served on localhost with Chromium open on it, for one browser test file:
 * `const site = servedSite();` then `site.browser`, `site.server.url` in tests.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server.ts';

export interface ServedSite {
  server: RunningServer;
  browser: Browser;
}

export function servedSite(): ServedSite {
  const site = {} as ServedSite;
  beforeAll(async () => {
    site.server = await serveStatic(inject('siteDir'), inject('siteBase'));
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
