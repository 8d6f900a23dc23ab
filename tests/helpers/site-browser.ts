/** A built site served under its base path, and Chromium to visit it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../src/tools/browser.ts';
import { serveStatic } from '../../src/tools/static-server.ts';

export interface SiteBrowser {
  /** The site's address, base path included: `http://127.0.0.1:41234/wiki/`. */
  url: string;
  browser: Browser;
  /** Stops the browser and the server. */
  close(): Promise<void>;
}

export async function openSite(siteDir: string, base: string): Promise<SiteBrowser> {
  const server = await serveStatic(siteDir, base);
  const browser = await launchBrowser();
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The default test site open in Chromium for the tests of one file: `const site = servedSite();`
 * then `site.url` and `site.browser` inside tests.
 */
export function servedSite(): SiteBrowser {
  const site = {} as SiteBrowser;
  beforeAll(async () => {
    Object.assign(site, await openSite(inject('siteDir'), inject('siteBase')));
  });
  afterAll(async () => {
    await site.close?.();
  });
  return site;
}
