/**
 * Reading and finding in Chromium (issue 14): the theme the reader chooses, kept across pages and
 * reloads; the 404 page for an address the site lacks; anchors a trainer can copy, shown on focus;
 * what an ID card field means, on focus.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/site-browser.ts';

const site = servedSite();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage({ colorScheme: 'light' });
});

const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const theme = () => page.evaluate(() => document.documentElement.dataset.theme ?? 'system');

describe('the theme switch', () => {
  it('applies the chosen theme at once, and keeps it on the next page and after a reload', async () => {
    await page.goto(`${site.url}techniques/T1059/001/`);
    const select = page.locator('.theme-switch select');
    await expect.poll(() => select.isVisible()).toBe(true);
    expect(await select.inputValue()).toBe('system');
    const light = await background();

    await select.selectOption('dark');
    expect(await theme()).toBe('dark');
    const dark = await background();
    expect(dark).not.toBe(light);

    await page.reload();
    // Set by the blocking script in <head>, before the page's modules run.
    expect(await theme()).toBe('dark');
    expect(await background()).toBe(dark);
    await page.goto(`${site.url}groups/G0016/`);
    expect(await background()).toBe(dark);
    await expect.poll(() => page.locator('.theme-switch select').inputValue()).toBe('dark');

    await page.locator('.theme-switch select').selectOption('system');
    expect(await theme()).toBe('system');
    await page.reload();
    expect(await background()).toBe(light);
  });

  it('leaves the system’s setting in charge when nothing was chosen', async () => {
    const dark = await site.browser.newPage({ colorScheme: 'dark' });
    await dark.goto(`${site.url}techniques/T1059/001/`);
    expect(await dark.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 23, 27)');
    await dark.close();
  });
});

describe('an address the site does not have', () => {
  it('is answered with the 404 page, which offers to search for what the address names', async () => {
    const response = await page.goto(`${site.url}techniques/T1059/099/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    const offer = page.locator('[data-not-found] a');
    await expect.poll(() => offer.textContent()).toBe('Search for “T1059.099”');
    expect(new URL((await offer.getAttribute('href'))!, page.url()).href).toBe(`${site.url}search/?q=T1059.099`);
    // Its styles and links work wherever it is served.
    expect(await page.locator('.site-header').evaluate((header) => getComputedStyle(header).display)).toBe('flex');
    await page.locator('main a', { hasText: /^Techniques$/ }).click();
    await page.waitForURL(`${site.url}techniques/`);
  });
});

describe('anchors', () => {
  it('shows a link to a table row when the row holds the focus, reachable by Tab', async () => {
    await page.goto(`${site.url}techniques/T1059/001/`);
    const row = page.locator('#procedure-examples-G0016');
    expect(await row.locator('.row-anchor').count()).toBe(0);
    await row.locator('td.id-cell a').focus();
    const anchor = row.locator('.row-anchor');
    await expect.poll(() => anchor.isVisible()).toBe(true);
    expect(await anchor.getAttribute('href')).toBe('#procedure-examples-G0016');
    expect(await anchor.getAttribute('aria-label')).toBe('Link to this row: APT29');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('row-anchor');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe('#procedure-examples-G0016');
    expect(await row.evaluate((element) => element.matches(':target'))).toBe(true);
  });

  it('marks a heading’s link on focus', async () => {
    const heading = page.locator('h2#mitigations a.anchor');
    expect(await heading.evaluate((link) => getComputedStyle(link, '::after').content)).toBe('none');
    await heading.focus();
    expect(await heading.evaluate((link) => getComputedStyle(link, '::after').content)).toMatch(/#/);
  });

  it('explains an ID card field on focus, until Escape', async () => {
    const info = page.locator('.id-card dt', { has: page.locator('.field-name', { hasText: /^Platforms$/ }) }).locator('.field-info');
    const definition = page.locator(`#${await info.getAttribute('aria-describedby')}`);
    expect(await definition.isVisible()).toBe(false);
    await info.focus();
    await expect.poll(() => definition.isVisible()).toBe(true);
    expect(await definition.textContent()).toMatch(/technique/);
    await page.keyboard.press('Escape');
    await expect.poll(() => definition.isVisible()).toBe(false);
  });
});
