/** Search in Chromium against the full site under a base path: what comes first, and how the boxes behave. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openSite, type SiteBrowser } from '../helpers/site-browser.ts';

interface Expectation {
  query: string;
  /** Search page filters, as in its URL: `domain=ICS&type=Tactic`. */
  filters?: string;
  /** The first result's ATT&CK id, or its title when it has none (notes). */
  first: string;
  /** The first result's path under the base, where it is not the object's own page. */
  path?: string;
}

const ATTACK_QUERIES: Expectation[] = [
  // ids in the forms people type them
  { query: 'T1059.001', first: 'T1059.001', path: 'techniques/T1059/001/' },
  { query: 't1059.001', first: 'T1059.001' },
  { query: 'T1059/001', first: 'T1059.001' },
  { query: 'T1059', first: 'T1059', path: 'techniques/T1059/' },
  { query: 'ta0002', first: 'TA0002' },
  { query: 'G0016', first: 'G0016' },
  { query: 'S0002', first: 'S0002' },
  { query: 'M1038', first: 'M1038' },
  { query: 'C0024', first: 'C0024' },
  { query: 'DET0001', first: 'DET0001' },
  { query: 'DC0001', first: 'DC0001' },
  { query: 'A0001', first: 'A0001' },
  { query: 'AN0001', first: 'DET0001', path: 'detectionstrategies/DET0001/#AN0001' },
  // revoked ids find their replacement
  { query: 'T1066', first: 'T1027.005', path: 'techniques/T1027/005/' },
  { query: 'G0118', first: 'G0016' },
  // aliases and names outrank body text
  { query: 'Cozy Bear', first: 'G0016' },
  { query: 'NOBELIUM', first: 'G0016' },
  { query: 'Fancy Bear', first: 'G0007' },
  { query: 'Mimikatz', first: 'S0002' },
  { query: 'powershell', first: 'T1059.001' },
  { query: 'Kerberoasting', first: 'T1558.003' },
  { query: 'OS Credential Dumping', first: 'T1003' },
  { query: 'Lazarus Group', first: 'G0032' },
  { query: 'Cobalt Strike', first: 'S0154' },
  { query: 'SolarWinds Compromise', first: 'C0024' },
  // phrases from descriptions
  { query: 'Adversaries may abuse PowerShell commands and scripts for execution', first: 'T1059.001' },
  { query: 'government networks in Europe and NATO member countries', first: 'G0016' },
  // filters
  { query: 'Execution', filters: 'domain=ICS', first: 'TA0104' },
  { query: 'Execution', filters: 'domain=Mobile', first: 'TA0041' },
  { query: 'Spearphishing Attachment', filters: 'domain=ICS', first: 'T0865' },
  { query: 'Spearphishing Attachment', filters: 'domain=Enterprise', first: 'T1566.001' },
  { query: 'Scheduled Task', filters: 'tactic=Persistence&platform=Windows', first: 'T1053.005' },
  { query: '', filters: 'type=Group', first: 'G0001' },
];

/** The example vault: note titles and aliases, a phrase of a procedure, the tag and type filters. */
const NOTE_QUERIES: Expectation[] = [
  { query: 'Zone Transfer Check', first: 'Zone Transfer Check', path: 'procedures/zone-transfer-check/' },
  { query: 'DNS recon playbook', first: 'Investigating DNS Reconnaissance', path: 'playbooks/dns-reconnaissance/' },
  { query: 'DNS recon context', first: 'DNS Reconnaissance - Analyst Context' },
  { query: 'resolve every address of a netblock', first: 'Reverse DNS Sweep' },
  { query: 'lookalike', filters: 'type=Procedure', first: 'Lookalike Domain Watch' },
  { query: 'dns', filters: 'tag=playbook', first: 'Investigating DNS Reconnaissance' },
];

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
  const cases = [...ATTACK_QUERIES, ...NOTE_QUERIES].map((expectation) => ({
    ...expectation,
    search: [expectation.query && `“${expectation.query}”`, expectation.filters].filter(Boolean).join(' with '),
  }));
  it.each(cases)('of $search is $first', async ({ query, filters, first, path }) => {
    await searchPage(query, filters);
    const result = pageResults().first();
    const label = (await result.locator('.search-id').count()) > 0 ? result.locator('.search-id') : result.locator('.search-title');
    expect(await label.textContent()).toBe(first);
    if (path) expect(await result.getAttribute('href')).toBe(`${base}${path}`);
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
