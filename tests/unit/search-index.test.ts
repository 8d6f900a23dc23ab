/** Indexing a built site with Pagefind. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSite } from '../../src/pipeline/emit/search-index.ts';

let site: string;

afterEach(async () => {
  await rm(site, { recursive: true, force: true });
});

async function siteWith(pages: Record<string, string>): Promise<string> {
  site = await mkdtemp(join(tmpdir(), 'attack-kb-index-'));
  for (const [name, body] of Object.entries(pages)) {
    await writeFile(join(site, name), `<!doctype html><html lang="en"><body>${body}</body></html>`);
  }
  return site;
}

describe('indexSite', () => {
  it('indexes the pages marked with data-pagefind-body into pagefind/', async () => {
    await siteWith({
      'object.html': '<main data-pagefind-body><h1>PowerShell</h1><p>Adversaries may abuse PowerShell.</p></main>',
      'list.html': '<main><h1>Techniques</h1></main>',
    });
    expect(await indexSite(site)).toBe(1);
    expect(await readdir(join(site, 'pagefind'))).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json']));
  });
});
