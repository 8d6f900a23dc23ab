/** What a person sees and clicks on the coverage and compare pages, in Chromium. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { servedSite } from '../helpers/site-browser.ts';

const site = servedSite();

describe('the Enterprise coverage matrix', () => {
  it('counts only the sources the reader keeps, and keeps the choice in the address', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}coverage/enterprise/`);
    const powershell = page.locator('.coverage-matrix a[href$="/techniques/T1059/001/"]').first().locator('xpath=..');
    const everySource = Number(await powershell.getAttribute('data-level'));
    expect(everySource).toBeGreaterThanOrEqual(3);
    for (const source of ['procedures', 'notes', 'atomics', 'detection']) await page.locator(`.coverage-sources input[value="${source}"]`).uncheck();
    await expect.poll(() => powershell.getAttribute('data-level')).toBe('1');
    expect(await powershell.locator('.coverage-count').first().textContent()).toMatch(/^S\d+$/);
    expect(new URL(page.url()).searchParams.get('without')).toBe('procedures,notes,atomics,detection');
    await page.close();
  });

  it('shades every technique by every source without JavaScript, and says that choosing needs it', async () => {
    const html = await readFile(join(inject('siteDir'), 'coverage/enterprise/index.html'), 'utf8');
    expect(html).toContain('Choosing which sources count needs JavaScript');
    expect(html).toMatch(/<fieldset class="coverage-sources" hidden/);
  });
});

describe('the compare pages', () => {
  it('puts two groups on one matrix, marking who uses each technique', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}compare/?ids=G0016,G0007`);
    await expect.poll(() => page.locator('#compare').getAttribute('data-ready')).toBe('true');
    expect(await page.locator('.compare-status').textContent()).toMatch(/^\d+ techniques: \d+ used by all, \d+ by some, \d+ only by APT29, \d+ only by APT28\.$/);
    const shared = page.locator('.compare-cell.share-all').first();
    expect(await shared.locator('.who-mark').count()).toBe(2);
    await page.locator('#compare-input').fill('G0032');
    await page.locator('#compare-input').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('ids')).toBe('G0016,G0007,G0032');
    await page.close();
  });

  it('ranks the groups that use pasted technique ids', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}compare/groups/?techniques=T1059.001,T1105,T9999`);
    await expect.poll(() => page.locator('#compare').getAttribute('data-ready')).toBe('true');
    expect(await page.locator('.compare-status').textContent()).toMatch(/^\d+ groups use at least one of 2 techniques \(not on this site: T9999\)\.$/);
    expect(await page.locator('.compare-result tbody tr').first().locator('td').nth(2).textContent()).toBe('2 of 2');
    await page.close();
  });
});
