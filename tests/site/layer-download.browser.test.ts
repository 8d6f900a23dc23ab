/** Downloading a Navigator layer from a mitigation page, in Chromium, under a base path. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/site-browser.ts';

const site = servedSite();

describe('M1038 Execution Prevention', () => {
  it('downloads its Enterprise layer', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}mitigations/M1038/`);
    const link = page.getByRole('link', { name: 'Enterprise layer (JSON)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('M1038-enterprise-layer.json');
    expect(download.url()).toBe(`${site.url}mitigations/M1038/M1038-enterprise-layer.json`);
    const layer = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(layer.name).toBe('Execution Prevention (M1038)');
    expect(layer.techniques.map((technique: { techniqueID: string }) => technique.techniqueID)).toContain('T1059.001');
  });
});
