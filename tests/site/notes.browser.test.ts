/** The example vault in Chromium: from a technique to a procedure and back through backlinks. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/site-browser.ts';

const site = servedSite();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
});

async function click(locator: ReturnType<Page['locator']>, path: string) {
  await locator.first().click();
  await page.waitForURL(`${site.url}${path}`);
}

describe('notes woven into ATT&CK pages', () => {
  it('goes from a technique to a procedure and back through backlinks', async () => {
    await page.goto(`${site.url}techniques/T1590/002/`);
    expect(await page.locator('#team-notes + *').count()).toBeGreaterThan(0);
    expect(await page.locator('section:has(h2#team-notes) .team-note h3').allTextContents()).toEqual(
      expect.arrayContaining(['DNS', 'DNS Reconnaissance - Analyst Context']),
    );

    await click(page.locator('section:has(h2#team-procedures) a', { hasText: 'Zone Transfer Check' }), 'procedures/zone-transfer-check/');
    expect(await page.locator('h1').textContent()).toBe('Zone Transfer Check');
    expect(await page.locator('.code-block figcaption').first().textContent()).toContain('bash');

    await click(page.locator('section:has(h2#referenced-by) a', { hasText: /^DNS$/ }), 'notes/techniques/dns/');
    await click(page.locator('.id-card-row:has(.field-name:text-is("About")) dd a'), 'techniques/T1590/002/');
    expect(await page.locator('h1').textContent()).toContain('DNS');
  });

  it('shows a tag note above the tag page list, and goes from it to a procedure', async () => {
    await page.goto(`${site.url}tags/dns/`);
    expect(await page.locator('h1').textContent()).toBe('#dns');
    expect(await page.locator('.tag-note').textContent()).toContain('Notes about the Domain Name System');
    await click(page.locator('table a', { hasText: 'Zone Transfer Check' }), 'procedures/zone-transfer-check/');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('.tag-list a', { hasText: '#dns' }).getAttribute('href')).toBe(`${new URL(site.url).pathname}tags/dns/`);
  });

  it('filters procedures by tactic and keeps the filter in the URL', async () => {
    await page.goto(`${site.url}procedures/`);
    const visibleRows = () => page.locator('tbody tr:visible').count();
    expect(await visibleRows()).toBe(4);
    await page.selectOption('#tactic-filter', 'TA0042');
    expect(new URL(page.url()).searchParams.get('tactic')).toBe('TA0042');
    expect(await visibleRows()).toBe(1);
    expect(await page.locator('tbody tr:visible a').first().textContent()).toBe('Lookalike Domain Watch');
    await page.goto(`${site.url}procedures/?tactic=ta0043`);
    await expect.poll(() => page.locator('[data-filter-status]').textContent()).toBe('3 of 4 procedures');
    expect(await visibleRows()).toBe(3);
    await page.selectOption('#tactic-filter', '');
    expect(new URL(page.url()).search).toBe('');
    expect(await visibleRows()).toBe(4);
    await page.fill('[data-text-filter]', 'zone');
    expect(await page.locator('tbody tr a').first().textContent()).toBe('Zone Transfer Check');
    expect(new URL(page.url()).searchParams.get('q')).toBe('zone');
  });

  it('copies a command with its button', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
    await page.goto(`${site.url}procedures/zone-transfer-check/`);
    const button = page.locator('.code-block .copy-code').first();
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('dig @ns1.example.com example.com AXFR +time=5 +tries=1');
  });
});
