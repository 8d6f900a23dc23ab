/** Following links across object types in Chromium: group → software → technique → detection → data component, and back. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/site-browser.ts';

const site = servedSite();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
});

async function follow(link: ReturnType<Page['locator']>, expectedPath: string, heading: RegExp) {
  await link.first().click();
  await page.waitForURL(`${site.url}${expectedPath}`);
  expect(await page.locator('h1').textContent()).toMatch(heading);
}

function tableRow(sectionId: string, text: string) {
  return page.locator(`section:has(h2#${sectionId}) tbody tr`, { has: page.locator('a', { hasText: new RegExp(`^${text}$`) }) });
}

describe('walking the site by its links', () => {
  it('goes from a group to its software, a technique, its detection strategy and a data component', async () => {
    await page.goto(`${site.url}groups/G0016/`);
    expect(await page.locator('.aliases').textContent()).toContain('Cozy Bear');

    await follow(tableRow('software', 'S0002').locator('td.id-cell a'), 'software/S0002/', /Mimikatz/);
    await follow(tableRow('techniques-used', 'T1003.001').locator('td.id-cell a'), 'techniques/T1003/001/', /LSASS Memory/);

    const strategy = page.locator('section:has(h2#detection) tbody td.id-cell a').first();
    const strategyId = await strategy.textContent();
    await follow(strategy, `detectionstrategies/${strategyId}/`, new RegExp(strategyId!));

    const component = page.locator('.analytic table tbody td a').first();
    const componentId = /\((DC\d{4})\)/.exec((await component.textContent())!)![1];
    await follow(component, `datacomponents/${componentId}/`, new RegExp(componentId!));
  });

  it('comes back the same way, by links on each page', async () => {
    const strategyLink = page.locator('section:has(h2#detection-strategies) tbody a', { hasText: /^DET\d{4}$/ }).first();
    const strategyId = await strategyLink.textContent();
    await follow(strategyLink, `detectionstrategies/${strategyId}/`, new RegExp(strategyId!));

    const technique = page.locator('section:has(h2#techniques-detected) tbody td.id-cell a').first();
    const techniqueId = (await technique.textContent())!;
    await follow(technique, `techniques/${techniqueId.replace('.', '/')}/`, /.+/);

    await page.goto(`${site.url}techniques/T1003/001/`);
    await follow(tableRow('procedure-examples', 'S0002').locator('td.id-cell a'), 'software/S0002/', /Mimikatz/);
    await follow(tableRow('groups', 'G0016').locator('td.id-cell a'), 'groups/G0016/', /APT29/);
  });

  it('finds an analytic in the paged list by filters and lands on its section from its anchor link', async () => {
    await page.goto(`${site.url}analytics/?platform=windows`);
    const status = page.locator('[data-filter-status]');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ of 2032 analytics$/);
    await page.locator('[data-text-filter]').fill('AN1252');
    await expect.poll(() => status.textContent()).toBe('1 of 2032 analytics');
    expect(new URL(page.url()).searchParams.get('platform')).toBe('windows');
    await follow(page.locator('a', { hasText: /^AN1252$/ }), 'detectionstrategies/DET0455/#AN1252', /Abuse of PowerShell/);
    expect(await page.locator('#AN1252').evaluate((element) => element.matches(':target'))).toBe(true);
  });
});
