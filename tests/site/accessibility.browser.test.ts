/** axe-core in Chromium on one page of each kind, in the light and the dark theme: no serious or critical violation. */
import axe from 'axe-core';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type SiteBrowser } from '../helpers/site-browser.ts';
import { openRepresentative, REPRESENTATIVE_PAGES, type RepresentativePage } from './representative-pages.ts';

const COLOR_SCHEMES = ['light', 'dark'] as const;
/** The WCAG 2.2 A and AA rules, and axe's best practices. */
const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let site: SiteBrowser;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
  site = await openSite(inject('siteDir'), inject('siteBase'));
  for (const colorScheme of COLOR_SCHEMES) contexts.set(colorScheme, await site.browser.newContext({ colorScheme }));
});

afterAll(async () => {
  await site?.close();
});

/** The page's serious and critical violations, one line each with the elements at fault. */
async function seriousViolations(colorScheme: string, representative: RepresentativePage): Promise<string[]> {
  const page = await contexts.get(colorScheme)!.newPage();
  try {
    await openRepresentative(page, site.url, representative);
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    await page.evaluate(axe.source);
    const results = await page.evaluate(
      (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
      RULE_TAGS,
    );
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  } finally {
    await page.close();
  }
}

describe.each(COLOR_SCHEMES)('accessibility in the %s theme', (colorScheme) => {
  it.each(REPRESENTATIVE_PAGES)('has no serious violation on the $name page', async (representative) => {
    expect(await seriousViolations(colorScheme, representative)).toEqual([]);
  });
});
