/**
 * A technique page on paper, in Chromium's print emulation and as a PDF: no site chrome, light
 * even for a reader in the dark theme, tables whole within the page, the ID card in one piece, the
 * page's address and release, and the address of every reference written out. And the matrix:
 * no screen hints, no word broken.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_SITE_URL } from '../test-sites.ts';
import { openSite, type SiteBrowser } from '../helpers/site-browser.ts';

/** A4 less 15 mm margins, in CSS pixels: 180 mm at 96 px to the inch. */
const PRINTABLE_WIDTH = Math.floor((180 / 25.4) * 96);

let site: SiteBrowser;
let page: Page;

beforeAll(async () => {
  site = await openSite(inject('siteDir'), inject('siteBase'));
  page = await site.browser.newPage({ viewport: { width: PRINTABLE_WIDTH, height: 1000 }, colorScheme: 'dark' });
  await page.goto(`${site.url}techniques/T1059/001/`);
  await page.emulateMedia({ media: 'print' });
});

afterAll(async () => {
  await site?.close();
});

describe('T1059.001 printed', () => {
  it('leaves out the header, the navigation and the breadcrumbs', async () => {
    for (const chrome of ['.site-header', '.breadcrumbs', '.skip-link']) expect(await page.locator(chrome).isVisible(), chrome).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
  });

  it('is dark text on white paper, whatever the reader’s theme', async () => {
    const colors = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { background: style.backgroundColor, text: style.color };
    });
    expect(colors).toEqual({ background: 'rgb(255, 255, 255)', text: 'rgb(27, 29, 33)' });
  });

  it('keeps every table whole within the page width', async () => {
    const tables = await page.locator('table').evaluateAll((elements) =>
      elements.map((table) => ({ width: table.getBoundingClientRect().width, rows: table.querySelectorAll('tbody tr').length })),
    );
    expect(tables.length).toBeGreaterThanOrEqual(4);
    expect(tables.reduce((rows, table) => rows + table.rows, 0)).toBeGreaterThan(200);
    for (const table of tables) expect(table.width).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PRINTABLE_WIDTH);
  });

  it('writes out the address of every reference', async () => {
    const references = await page.locator('.references a[href]').evaluateAll((links) =>
      links.map((link) => ({ href: link.getAttribute('href'), after: getComputedStyle(link, '::after').content })),
    );
    expect(references.length).toBeGreaterThan(50);
    for (const { href, after } of references) expect(after).toBe(`" <${href}>"`);
  });

  it('names the page’s address and release, and keeps the ID card in one piece', async () => {
    const from = page.locator('.printed-from');
    expect(await from.isVisible()).toBe(true);
    expect(await from.textContent()).toBe(`${new URL(`${inject('siteBase')}techniques/T1059/001/`, TEST_SITE_URL).href} · ATT&CK 18.1 · ATT&CK Knowledge Base`);
    expect(await page.locator('.id-card').evaluate((card) => getComputedStyle(card).breakInside)).toBe('avoid');
    for (const hint of ['.field-info', '.theme-switch', '.tactic-neighbours']) expect(await page.locator(hint).first().isVisible(), hint).toBe(false);
  });

  it('makes a PDF of many A4 pages', async () => {
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(10);
  });
});

describe('the Enterprise matrix printed', () => {
  let matrix: Page;

  beforeAll(async () => {
    // A4 landscape less 15 mm margins.
    matrix = await site.browser.newPage({ viewport: { width: Math.floor((267 / 25.4) * 96), height: 1000 } });
    await matrix.goto(`${site.url}matrices/enterprise/`);
    await matrix.emulateMedia({ media: 'print' });
  });

  it('shows no screen hints: no sub-technique toggles, counts or view links', async () => {
    for (const hint of ['.matrix summary', '.matrix .counts', '.matrix-views', '.screen-hint']) {
      const shown = await matrix.locator(hint).evaluateAll((elements) => elements.filter((element) => element.checkVisibility()).length);
      expect(shown, hint).toBe(0);
    }
    expect(await matrix.locator('.printed-from').isVisible()).toBe(true);
  });

  it('breaks no word: names wrap between words, and every name fits its column', async () => {
    const names = await matrix.locator('.matrix th, .matrix .cell > a').evaluateAll((links) =>
      links.map((link) => ({ text: link.textContent, wrap: getComputedStyle(link).overflowWrap, word: getComputedStyle(link).wordBreak, overflows: link.scrollWidth > link.clientWidth + 1 })),
    );
    expect(names.length).toBeGreaterThan(200);
    expect(names.filter((name) => name.wrap !== 'normal' || name.word !== 'normal')).toEqual([]);
    expect(names.filter((name) => name.overflows).map((name) => name.text)).toEqual([]);
  });
});
