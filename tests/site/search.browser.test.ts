/**
 * Search in Chromium against the full site under a base path: what comes first for the query table
 * (src/tools/search-queries.ts), why each result matched, and how the boxes behave.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answerQueries, describeMiss, isRight, scoreAnswers, tableQueries, type Answer } from '../../src/tools/search-quality.ts';
import { openSite, type SiteBrowser } from '../helpers/site-browser.ts';

const base = inject('siteBase');
let site: SiteBrowser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  site = await openSite(inject('siteDir'), base);
  page = await site.browser.newPage();
  page.on('request', (request) => requests.push(request.url()));
});

afterAll(async () => {
  await site?.close();
});

const headerInput = () => page.locator('#header-search-input');
const headerOptions = () => page.locator('#header-search-results [role="option"]');
const pageResults = () => page.locator('#search-page-results .search-hit > [role="option"]');

/** Searching loads the index first; on a busy machine that can take a few seconds. */
const SEARCHING = { timeout: 20_000 };

async function searchPage(query: string, filters = ''): Promise<void> {
  const params = [query && `q=${encodeURIComponent(query)}`, filters].filter(Boolean).join('&');
  await page.goto(`${site.url}search/?${params}`);
  if (params) await expect.poll(() => page.locator('.search-status').textContent(), SEARCHING).toMatch(/results?/);
  else await expect.poll(() => page.locator('.search-facet').count(), SEARCHING).toBeGreaterThan(0);
}

describe('the first result', () => {
  let answers: Answer[];

  beforeAll(async () => {
    answers = await answerQueries(page, site.url);
  }, 180_000);

  it('is the expected one for every query of the first-result tests, at the expected place', () => {
    const tests = answers.filter(({ group }) => group === 'tests');
    expect(tests.length).toBeGreaterThan(30);
    expect(tests.filter((answer) => !isRight(answer)).map(describeMiss)).toEqual([]);
    for (const { query, href } of tests) if (query.path) expect(href, query.query).toBe(`${base}${query.path}`);
  });

  it('is the expected one for at least 95% of the query table', () => {
    const { right } = scoreAnswers(answers);
    expect(right.all.total).toBe(tableQueries().length);
    expect(right.all.right / right.all.total, answers.filter((answer) => !isRight(answer)).map(describeMiss).join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the header search box', () => {
  it('is focused with / and with Ctrl+K', async () => {
    await page.goto(`${site.url}techniques/T1059/001/`);
    await page.keyboard.press('/');
    expect(await headerInput().evaluate((input) => input === document.activeElement)).toBe(true);
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    expect(await headerInput().evaluate((input) => input === document.activeElement)).toBe(true);
  });

  it('shows results as you type, with badge, id, name, domain and highlighted excerpt', async () => {
    await page.goto(`${site.url}techniques/T1059/001/`);
    await headerInput().pressSequentially('mimikatz');
    const status = page.locator('.header-search [role="status"]');
    await expect.poll(() => status.textContent(), SEARCHING).toMatch(/^\d+ results for “mimikatz”\.$/);
    expect(await headerInput().getAttribute('aria-expanded')).toBe('true');
    const first = headerOptions().first();
    expect(await first.locator('.search-badge').textContent()).toBe('Software');
    expect(await first.locator('.search-id').textContent()).toBe('S0002');
    expect(await first.locator('.search-title').textContent()).toBe('Mimikatz');
    expect(await first.locator('.search-domains').textContent()).toBe('Enterprise');
    expect((await first.locator('.search-excerpt mark').first().textContent())?.toLowerCase()).toContain('mimikatz');
    expect(await headerOptions().last().getAttribute('href')).toBe(`${base}search/?q=mimikatz`);
  });

  it('moves through the results with the arrow keys and opens one with Enter', async () => {
    const selected = () => headerInput().getAttribute('aria-activedescendant');
    const firstId = await headerOptions().nth(0).getAttribute('id');
    const secondId = await headerOptions().nth(1).getAttribute('id');
    expect(await selected()).toBe(firstId);
    await page.keyboard.press('ArrowDown');
    expect(await selected()).toBe(secondId);
    expect(await headerOptions().nth(1).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await selected()).toBe(firstId);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}software/S0002/`);
  });

  it('takes an analytic id to its place on the detection strategy page', async () => {
    await headerInput().fill('AN0001');
    await expect.poll(() => headerOptions().first().locator('.search-id').textContent(), SEARCHING).toBe('DET0001');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${site.url}detectionstrategies/DET0001/#AN0001`);
  });

  it('closes its list with Escape', async () => {
    await headerInput().fill('kerberoasting');
    await expect.poll(() => page.locator('#header-search-results').isVisible(), SEARCHING).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('#header-search-results').isVisible()).toBe(false);
    expect(await headerInput().getAttribute('aria-expanded')).toBe('false');
    // It stays closed while the rest of the results load, and the down arrow opens it again.
    const status = page.locator('.header-search [role="status"]');
    await expect.poll(() => status.textContent(), SEARCHING).toMatch(/results for “kerberoasting”/);
    expect(await page.locator('#header-search-results').isVisible()).toBe(false);
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#header-search-results').isVisible()).toBe(true);
  });

  it('goes to the search page with the query when its magnifier is clicked', async () => {
    await page.goto(`${site.url}groups/G0016/`);
    await headerInput().fill('golden ticket');
    await page.locator('.header-search').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(`${site.url}search/?q=golden+ticket`);
    expect(await page.locator('#search-page-input').inputValue()).toBe('golden ticket');
  });

  it('goes to the search page on Enter without JavaScript', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(`${site.url}groups/G0016/`);
    await noScript.locator('#header-search-input').fill('cozy bear');
    await noScript.keyboard.press('Enter');
    await noScript.waitForURL(`${site.url}search/?q=cozy+bear`);
    await context.close();
  });
});

describe('each result', () => {
  /** Types a query into the header box and reads each result: id, reason and link. */
  async function headerResults(query: string) {
    if (!page.url().startsWith(site.url) || page.url().includes('/search/')) await page.goto(site.url);
    await headerInput().fill(query);
    await expect.poll(() => page.locator('.header-search [role="status"]').textContent(), SEARCHING).toContain(`“${query}”`);
    return headerOptions().evaluateAll((links) =>
      links
        .filter((link) => link.querySelector('.search-title'))
        .map((link) => ({
          id: link.querySelector('.search-id')?.textContent,
          reason: link.querySelector('.search-reason')?.textContent,
          href: link.getAttribute('href'),
        })),
    );
  }

  it('says which row of a table matched and links to it', async () => {
    const [first, second] = await headerResults('APT29 PowerShell');
    expect([first?.id, second?.id].sort()).toEqual(['G0016', 'T1059.001']);
    const technique = [first, second].find((result) => result?.id === 'T1059.001')!;
    expect(technique.reason).toBe('Alias PowerShell · Procedure Examples: APT29');
    expect(technique.href).toBe(`${base}techniques/T1059/001/#procedure-examples-G0016`);
    await page.goto(new URL(technique.href!, site.url).href);
    expect(await page.locator('#procedure-examples-G0016').textContent()).toContain('APT29 has used encoded PowerShell');
  });

  it('finds an object by a name it had in an older release, and says so', async () => {
    const [first] = await headerResults('Bash History');
    expect(first?.id).toBe('T1552.003');
    expect(first?.reason).toMatch(/^Formerly Bash History \(T1(139|552\.003)\)$/);
  });

  it('says when no page has every word, and gives the closest matches', async () => {
    const [first] = await headerResults('cozy bear kubernetes');
    expect(first?.id).toBe('G0016');
    expect(await page.locator('#header-search-results .search-notice').textContent()).toBe('No page has all the words; closest matches');
  });
});

describe('the order of results', () => {
  it.each(['credential dumping', 'APT29 PowerShell', 'webshell', 'cozy bear kubernetes'])(
    'is the same in the header box and on the search page (where the form goes without JavaScript) for “%s”',
    async (query) => {
      await page.goto(site.url);
      await headerInput().fill(query);
      await expect.poll(() => page.locator('.header-search [role="status"]').textContent(), SEARCHING).toContain(`“${query}”`);
      const header = await headerOptions().locator('.search-id').allTextContents();
      await searchPage(query);
      const full = await pageResults().locator('.search-id').allTextContents();
      expect(header.length, query).toBeGreaterThan(0);
      expect(full.slice(0, header.length), query).toEqual(header);
    },
  );
});

describe('the search page', () => {
  it('keeps the query and filters in its URL', async () => {
    await searchPage('');
    await page.locator('#search-page-input').fill('powershell');
    await expect.poll(() => new URL(page.url()).search, SEARCHING).toBe('?q=powershell');
    await expect.poll(() => pageResults().first().locator('.search-id').textContent(), SEARCHING).toBe('T1059.001');
    await page.locator('.search-facet input[name="type"][value="Software"]').check();
    await expect.poll(() => new URL(page.url()).search, SEARCHING).toBe('?q=powershell&type=Software');
    await expect.poll(() => pageResults().locator('.search-badge').allTextContents(), SEARCHING).toEqual(Array(20).fill('Software'));
  });

  it('shows 20 results at a time', async () => {
    await searchPage('credential');
    expect(await pageResults().count()).toBe(20);
    await page.locator('.search-show-more').click();
    await expect.poll(() => pageResults().count(), SEARCHING).toBe(40);
  });

  it('never lists revoked or deprecated objects', async () => {
    for (const [query, path] of [
      ['Indicator Removal from Tools', 'techniques/T1066/'],
      ['Night Dragon', 'groups/G0014/'],
    ]) {
      await searchPage(query!);
      const hrefs = await page.locator('#search-page-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(hrefs).not.toContain(`${base}${path}`);
    }
  });
});

describe('offline', () => {
  it('asked for nothing outside the site', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(site.url))).toEqual([]);
  });
});
