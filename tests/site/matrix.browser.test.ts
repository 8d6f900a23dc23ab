/** What a person sees and clicks on the Enterprise matrix, in Chromium, under a base path. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/site-browser.ts';

const site = servedSite();

async function openMatrix(viewport: { width: number; height: number }): Promise<Page> {
  const page = await site.browser.newPage({ viewport });
  await page.goto(`${site.url}matrices/enterprise/`);
  return page;
}

describe('the Enterprise matrix', () => {
  it('opens a technique’s sub-techniques without script and leads to their pages', async () => {
    const page = await openMatrix({ width: 1366, height: 900 });
    const execution = page.locator('.matrix td').nth(3);
    const t1059 = execution.locator('li.cell', { has: page.locator('a[href$="/techniques/T1059/"]') });
    const powershell = t1059.locator('a', { hasText: 'PowerShell' });
    expect(await powershell.isVisible()).toBe(false);
    await t1059.locator('summary').click();
    await expect.poll(() => powershell.isVisible()).toBe(true);
    await powershell.click();
    await page.waitForURL(`${site.url}techniques/T1059/001/`);
    expect(await page.locator('h1').textContent()).toContain('Command and Scripting Interpreter: PowerShell');
    await page.close();
  });

  it('keeps the tactic headers in sight when the matrix scrolls on a phone', async () => {
    const page = await openMatrix({ width: 390, height: 844 });
    const scroller = page.locator('.matrix-scroll');
    const header = page.locator('.matrix th', { hasText: 'Reconnaissance' });
    const scrollerBox = (await scroller.boundingBox())!;
    expect(scrollerBox.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await scroller.evaluate((element) => element.scrollBy(0, 1500));
    expect(await scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(1000);
    const headerBox = (await header.boundingBox())!;
    expect(Math.abs(headerBox.y - scrollerBox.y)).toBeLessThanOrEqual(2);
    const topmost = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('th')?.textContent ?? '',
      { x: headerBox.x + headerBox.width / 2, y: headerBox.y + headerBox.height / 2 },
    );
    expect(topmost).toContain('Reconnaissance');
    await page.close();
  });
});

describe('a tactic page', () => {
  it('links to its column of the matrix, scrolled into view', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${site.url}tactics/TA0010/`);
    await page.locator('a', { hasText: 'See them in the matrix' }).click();
    await page.waitForURL(`${site.url}matrices/enterprise/#TA0010`);
    const header = page.locator('th#TA0010');
    expect(await header.textContent()).toContain('Exfiltration');
    // Within a pixel: scrolling to an anchor may land on a fraction of one.
    const inViewport = () =>
      header.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.left > -1 && box.right < window.innerWidth + 1 && box.top > -1 && box.bottom < window.innerHeight + 1;
      });
    await expect.poll(inViewport).toBe(true);
    await page.close();
  });
});
