/**
 * Reading on a phone and around links, in Chromium: the menu without script at 390 pixels, the
 * compact Enterprise matrix at 1366 pixels and its layouts without script, citations showing their
 * reference, link previews.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NAVIGATION } from '../../src/lib/site.ts';
import { servedSite } from '../helpers/site-browser.ts';

const site = servedSite();
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

/** Runs `run` on a new page of the given size, in a context of its own (with script unless told otherwise). */
async function withPage<T>(viewport: { width: number; height: number }, run: (page: Page) => Promise<T>, { script = true } = {}): Promise<T> {
  const context: BrowserContext = await site.browser.newContext({ viewport, javaScriptEnabled: script });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

const withoutScript = <T>(viewport: { width: number; height: number }, run: (page: Page) => Promise<T>) => withPage(viewport, run, { script: false });

describe('the main menu', () => {
  it('folds into a menu on a phone that opens without script and reaches every section', async () => {
    await withoutScript(PHONE, async (page) => {
      await page.goto(`${site.url}groups/G0016/`);
      const links = page.locator('.site-header nav[aria-label="Main"] a');
      const groups = links.filter({ hasText: /^Groups$/ });
      expect(await groups.isVisible()).toBe(false);
      const menu = page.locator('.site-menu > summary');
      expect(await menu.textContent()).toBe('Menu');
      await menu.click();
      await expect.poll(() => groups.isVisible()).toBe(true);
      // Every entry of the navigation, as a target a finger can hit, on the page's width.
      const texts = await links.allTextContents();
      for (const { text } of NAVIGATION.filter((entry) => !entry.releases)) expect(texts.map((link) => link.trim())).toContain(text);
      for (const box of await Promise.all((await links.all()).map((link) => link.boundingBox()))) {
        expect(box!.height).toBeGreaterThanOrEqual(24);
        expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await links.filter({ hasText: /^Mitigations$/ }).click();
      await page.waitForURL(`${site.url}mitigations/`);
    });
  });

  it('is a row of links on a wide screen, without a button', async () => {
    await withoutScript(LAPTOP, async (page) => {
      await page.goto(`${site.url}groups/G0016/`);
      expect(await page.locator('.site-menu > summary').isVisible()).toBe(false);
      expect(await page.locator('.site-header nav a', { hasText: /^Techniques$/ }).isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      // Skip link, site name, search box and its button, then the first entry of the menu.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(NAVIGATION[0]!.text);
    });
  });
});

describe('tables on a phone', () => {
  it('shows each procedure as a card on the page’s width, its cells labelled', async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(`${site.url}techniques/T1059/001/`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      const apt29 = page.locator('#procedure-examples-G0016');
      const box = (await apt29.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      // No cell of the table reaches past its card.
      const overflowing = await page
        .locator('section:has(> h2#procedure-examples) td')
        .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length);
      expect(overflowing).toBe(0);
      const logSource = page.locator('section:has(> h2#telemetry) td[data-label="Log Source"]').first();
      expect(await logSource.evaluate((cell) => getComputedStyle(cell, '::before').content)).toContain('Log Source');
    });
  });
});

describe('the Enterprise matrix at 1366 pixels', () => {
  it('fits the page without a box of its own, no name broken inside a word', async () => {
    await withPage(LAPTOP, async (page) => {
      await page.goto(`${site.url}matrices/enterprise/`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(LAPTOP.width);
      const scroller = page.locator('.matrix-scroll');
      expect(await scroller.evaluate((element) => [getComputedStyle(element).overflowX, getComputedStyle(element).overflowY])).toEqual(['visible', 'visible']);
      expect(await page.locator('.matrix th').count()).toBe(14);
      // Each word of a tactic's or technique's name (the pieces between spaces and hyphens) lies on one line.
      const broken = await page.evaluate(() => {
        const found: string[] = [];
        for (const link of document.querySelectorAll('.matrix th > a, .matrix .cell > a')) {
          const text = [...link.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE);
          for (const node of text) {
            for (const match of (node.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              if (new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size > 1) found.push(match[0]);
            }
          }
        }
        return found;
      });
      expect(broken).toEqual([]);
    });
  });

  it('shows every sub-technique, beside or under its technique, without script', async () => {
    await withoutScript(LAPTOP, async (page) => {
      await page.goto(`${site.url}matrices/enterprise/`);
      const t1059 = page.locator('li.cell', { has: page.locator('a[href$="/techniques/T1059/"]') });
      const parent = t1059.locator('> a');
      const powershell = t1059.locator('a', { hasText: 'PowerShell' });
      expect(await powershell.isVisible()).toBe(false);
      await page.locator('.matrix-controls:visible a', { hasText: 'Show all sub-techniques' }).click();
      await page.waitForURL(/#matrix-side-all$/);
      await expect.poll(() => powershell.isVisible()).toBe(true);
      const [side, technique] = [(await powershell.boundingBox())!, (await parent.boundingBox())!];
      expect(side.x).toBeGreaterThan(technique.x + technique.width - 1);
      await page.locator('.matrix-controls:visible a', { hasText: 'Flat layout' }).click();
      await page.waitForURL(/#matrix-flat-all$/);
      const under = async () => {
        const [sub, above] = [(await powershell.boundingBox())!, (await parent.boundingBox())!];
        return sub.y >= above.y + above.height - 1 && sub.x < above.x + above.width;
      };
      await expect.poll(under).toBe(true);
      expect(await page.locator('.matrix-controls:visible a[aria-current="true"]').textContent()).toContain('Flat layout');
      await page.locator('.matrix-controls:visible a', { hasText: 'Hide sub-techniques' }).click();
      await page.waitForURL(/#matrix-flat$/);
      await expect.poll(() => powershell.isVisible()).toBe(false);
    });
  });

  it('opens in the ATT&CK Navigator with its layer', async () => {
    await withPage(LAPTOP, async (page) => {
      await page.goto(`${site.url}matrices/enterprise/windows/`);
      const open = page.locator('a', { hasText: 'Open in ATT&CK Navigator' });
      const target = new URL((await open.getAttribute('href'))!);
      expect(target.origin + target.pathname).toBe('https://mitre-attack.github.io/attack-navigator/');
      const layerUrl = new URL(decodeURIComponent(target.hash.replace(/^#layerURL=/, '')));
      expect(layerUrl.href).toBe('https://kb.example.org/wiki/matrices/enterprise/enterprise-windows-layer.json');
      const layer = (await (await page.request.get(`${site.url}${layerUrl.pathname.replace('/wiki/', '')}`)).json()) as { domain: string; filters: { platforms: string[] } };
      expect(layer.domain).toBe('enterprise-attack');
      expect(layer.filters.platforms).toEqual(['Windows']);
    });
  });
});

describe('citations and link previews', () => {
  it('shows a citation’s reference on focus, linked back from the list, and Escape hides it', async () => {
    await withPage(LAPTOP, async (page) => {
      await page.goto(`${site.url}techniques/T1059/001/`);
      const citation = page.locator('.description .cite a').first();
      const reference = page.locator(`li${await citation.getAttribute('href')}`);
      await citation.focus();
      const card = page.locator('#citation-card');
      await expect.poll(() => card.isVisible()).toBe(true);
      const referenceText = await reference.evaluate((item) => [...item.childNodes].filter((node) => !(node instanceof Element && node.matches('.cited-at'))).map((node) => node.textContent).join(''));
      expect(await card.textContent()).toContain(referenceText.trim());
      expect(await citation.getAttribute('aria-describedby')).toBe('citation-card');
      await page.keyboard.press('Escape');
      await expect.poll(() => card.count()).toBe(0);
      expect(await citation.getAttribute('aria-describedby')).toBeNull();
      // The list leads back to the citation.
      const back = await reference.locator('.cited-at').first().evaluate((element) => (element.closest('a') ?? element.querySelector('a'))!.getAttribute('href'));
      expect(await page.locator(`${back} > a`).getAttribute('href')).toBe(await citation.getAttribute('href'));
    });
  });

  it('previews a link to an object on focus, fetching only its small file, and never blocks the click', async () => {
    await withPage(LAPTOP, async (page) => {
      const fetched: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/preview.json')) fetched.push(request.url());
      });
      await page.goto(`${site.url}techniques/T1059/001/`);
      const empire = page.locator('.description a', { hasText: /^Empire$/ });
      await empire.focus();
      const preview = page.locator('#link-preview');
      await expect.poll(() => preview.isVisible()).toBe(true);
      expect(await preview.textContent()).toMatch(/^Tool S0363EmpireEmpire is /);
      expect(fetched).toEqual([`${site.url}software/S0363/preview.json`]);
      const [link, card] = [(await empire.boundingBox())!, (await preview.boundingBox())!];
      expect(card.y >= link.y + link.height || card.y + card.height <= link.y).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => preview.count()).toBe(0);
      // Focused again, and clicked while the preview shows.
      await empire.blur();
      await empire.focus();
      await expect.poll(() => preview.isVisible()).toBe(true);
      await empire.click();
      await page.waitForURL(`${site.url}software/S0363/`);
    });
  });

  it('previews a note a note links to', async () => {
    await withPage(LAPTOP, async (page) => {
      await page.goto(`${site.url}playbooks/dns-reconnaissance/`);
      await page.locator('.note-content a.wikilink', { hasText: /^Zone Transfer Check$/ }).first().hover();
      const preview = page.locator('#link-preview');
      await expect.poll(() => preview.isVisible()).toBe(true);
      expect(await preview.textContent()).toMatch(/^ProcedureZone Transfer Check/);
    });
  });
});
