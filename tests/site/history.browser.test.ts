/** Across releases in Chromium: a live page, its copy in an older release, the page of what changed, and back to the live page. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/site-browser.ts';

const site = servedSite();
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
});

async function follow(name: string | RegExp, expectedPath: string) {
  await page.getByRole('link', { name }).first().click();
  await page.waitForURL(`${site.url}${expectedPath}`);
}

describe('release history in the browser', () => {
  it('walks from a live technique to its 17.1 copy, back, to what changed in 18.0, and back to the live page', async () => {
    await page.goto(`${site.url}techniques/T1552/003/`);
    const history = page.locator('section:has(h2#history)');
    expect(await history.textContent()).toContain('Known as “Bash History” until 17.1.');

    await history.getByRole('link', { name: '17.1', exact: true }).click();
    await page.waitForURL(`${site.url}versions/v17.1/techniques/T1552/003/`);
    expect(await page.locator('h1').textContent()).toContain('Bash History');
    expect(await page.locator('.frozen-banner').textContent()).toContain('ATT&CK 17.1');

    await follow(/this page in the live release/, 'techniques/T1552/003/');
    await page.locator('section:has(h2#history)').getByRole('link', { name: /Major version change/ }).click();
    await page.waitForURL(`${site.url}changes/v17.1-v18.0/techniques/T1552/003/`);
    expect(await page.locator('section:has(h2#name)').textContent()).toMatch(/Bash History\s*→\s*Shell History/);

    await follow('T1552.003 in ATT&CK 18.0', 'versions/v18.0/techniques/T1552/003/');
    await follow(/this page in the live release/, 'techniques/T1552/003/');
    expect(await page.locator('h1').textContent()).toContain('Shell History');
  });

  it('opens a live page by its permalink', async () => {
    await page.goto(`${site.url}versions/v18.1/techniques/T1059/001/`);
    await page.waitForURL(`${site.url}techniques/T1059/001/`);
    expect(await page.locator('.permalink code').textContent()).toBe(`${new URL(site.url).pathname}versions/v18.1/techniques/T1059/001/`);
  });
});
