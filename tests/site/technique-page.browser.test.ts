/** What a person sees and clicks on a technique page, in Chromium, under a base path. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/site-browser.ts';

const site = servedSite();
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  page = await site.browser.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${site.url}techniques/T1059/001/`);
});

function cardValue(label: string) {
  return page.locator('.id-card-row', { has: page.locator('dt .field-name', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
}

describe('T1059.001 PowerShell', () => {
  it('shows the name and the ID card', async () => {
    expect(await page.title()).toBe('Command and Scripting Interpreter: PowerShell (T1059.001) · Enterprise | ATT&CK Knowledge Base');
    await expect.poll(() => page.locator('h1').textContent()).toContain('Command and Scripting Interpreter: PowerShell');
    expect(await cardValue('ID').textContent()).toBe('T1059.001');
    expect(await cardValue('Sub-technique of').locator('a').getAttribute('href')).toBe('/wiki/techniques/T1059/');
    expect(await cardValue('Tactic').textContent()).toBe('Execution');
    expect(await cardValue('Platforms').textContent()).toBe('Windows');
    expect(await cardValue('Domains').textContent()).toBe('Enterprise');
  });

  it('shows the sub-technique, procedure, mitigation and detection tables', async () => {
    const rows = (section: string) => page.locator(`section:has(h2#${section}) tbody tr`);
    expect(await rows('sub-techniques').count()).toBeGreaterThanOrEqual(12);
    expect(await rows('procedure-examples').count()).toBeGreaterThan(200);
    const apt29 = rows('procedure-examples').filter({ has: page.locator('td.name-cell', { hasText: /^APT29$/ }) });
    expect(await apt29.locator('td').first().textContent()).toBe('G0016');
    expect(await rows('mitigations').filter({ hasText: 'Execution Prevention' }).count()).toBe(1);
    const detection = rows('detection').first();
    expect(await detection.locator('td').first().textContent()).toBe('DET0455');
    expect(await detection.locator('a', { hasText: 'AN1252' }).getAttribute('href')).toBe(
      '/wiki/detectionstrategies/DET0455/#AN1252',
    );
  });

  it('takes a citation link to its reference', async () => {
    const citation = page.locator('.description sup.cite a').first();
    expect(await citation.textContent()).toBe('[1]');
    const target = await citation.getAttribute('href');
    expect(target).toMatch(/^#ref-[0-9a-f]{8}$/);
    await citation.click();
    expect(new URL(page.url()).hash).toBe(target);
    const reference = page.locator(target!);
    await expect.poll(() => reference.isVisible()).toBe(true);
    expect(await reference.evaluate((element) => element.matches(':target'))).toBe(true);
    expect(await reference.textContent()).toContain('PowerShell');
    const box = await reference.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(page.viewportSize()!.height);
  });

  it('follows the tactic link to the tactic page', async () => {
    await page.goto(`${site.url}techniques/T1059/001/`);
    await cardValue('Tactic').locator('a').click();
    await page.waitForURL(`${site.url}tactics/TA0002/`);
    expect(await page.locator('h1').textContent()).toContain('Execution');
    const powershellRow = page.locator('section:has(h2#techniques) tbody tr', { hasText: 'T1059.001' });
    expect(await powershellRow.getAttribute('class')).toContain('sub');
  });

  it('asked for nothing outside the site', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(site.url))).toEqual([]);
  });
});
