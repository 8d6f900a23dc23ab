/**
 * axe-core in Chromium on one page of each kind, in the light and the dark theme: no serious or
 * critical violation. Each page is opened once and checked with every rule in the light theme, then
 * switched in place to the dark theme and checked again with the rules colours decide; axe is
 * loaded into every page before the page's own scripts.
 */
import axe from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type SiteBrowser } from '../helpers/site-browser.ts';
import { openRepresentative, REPRESENTATIVE_PAGES } from './representative-pages.ts';

/** The WCAG 2.2 A and AA rules, and axe's best practices. */
const ALL_RULES = { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } as const;
/** The rules the theme can change the outcome of: only colours differ between the themes. */
const COLOR_RULES = { type: 'rule', values: ['color-contrast', 'link-in-text-block'] } as const;
const THEMES = [
  { colorScheme: 'light', rules: ALL_RULES },
  { colorScheme: 'dark', rules: COLOR_RULES },
] as const;

let site: SiteBrowser;
let context: BrowserContext;

beforeAll(async () => {
  site = await openSite(inject('siteDir'), inject('siteBase'));
  context = await site.browser.newContext();
  // Run through the DevTools protocol, which the pages' CSP does not govern.
  await context.addInitScript(axe.source);
});

afterAll(async () => {
  await site?.close();
});

/** The page's serious and critical violations, one line each with the elements at fault. */
async function seriousViolations(page: Page, rules: axe.RunOnly): Promise<string[]> {
  const results = await page.evaluate(
    // Only violations are wanted: axe then skips collecting the nodes that pass, most of its work.
    (runOnly) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly, resultTypes: ['violations'] }),
    rules,
  );
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The page's serious violations in the light theme, then (colours only) in the dark one. */
async function themedViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const { colorScheme, rules } of THEMES) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await seriousViolations(page, { type: rules.type, values: [...rules.values] })).map((violation) => `${colorScheme}: ${violation}`));
  }
  return found;
}

/** A few pages on a phone's width, the menu open: tables as cards, the menu, the matrix in its box. */
const PHONE_PAGES = ['techniques/T1590/002/', 'campaigns/C0024/', 'detectionstrategies/DET0455/', 'matrices/enterprise/', 'playbooks/dns-reconnaissance/'];

describe('accessibility in the light and dark themes', () => {
  it.each(REPRESENTATIVE_PAGES)('has no serious violation on the $name page', async (representative) => {
    const page = await context.newPage();
    try {
      await openRepresentative(page, site.url, representative);
      expect(await themedViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(PHONE_PAGES)('has no serious violation on %s at 390 pixels', async (path) => {
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${site.url}${path}`);
      await page.locator('.site-menu > summary').click();
      expect(await themedViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
