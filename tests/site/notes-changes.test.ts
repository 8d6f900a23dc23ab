/**
 * What a release means for the team's notes, in the full build (17.1, 18.0, 18.1 and the example
 * vault, whose notes link to objects that 18.0 deprecated, renamed or gave a new major version).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readTags } from '../../src/tools/html.ts';

const siteDir = inject('siteDir');
const base = inject('siteBase');
const page = (path: string) => readFile(join(siteDir, path, 'index.html'), 'utf8');

/** The rows of the page's table, each as its cells' text and links. */
function rows(html: string): { text: string; links: string[] }[] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].slice(1).map(([, row]) => ({
    text: row!.replace(/<wbr>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ ,/g, ',').trim(),
    links: readTags(row!).flatMap((tag) => (tag.name === 'a' && tag.attributes.href ? [tag.attributes.href] : [])),
  }));
}

describe('the notes page of a release pair', () => {
  it('lists each link that 18.0 changed, with its note, where it is written and the page to link to or check', async () => {
    const listed = rows(await page('changes/v17.1-v18.0/notes'));
    expect(listed.map((row) => row.text)).toEqual([
      'Investigating DNS Reconnaissance playbooks/Investigating DNS Reconnaissance.md:24 [[DS0029|Network Traffic]] DS0029 Network Traffic deprecated, with no replacement DS0029 Network Traffic, what changed',
      'Passive DNS API query commands/Passive DNS API query.md:17 [[T1552.003|Bash History]] T1552.003 renamed from Bash History to Shell History (version 1.2 → 2.0) T1552.003 Shell History, what changed',
      'Passive DNS Lookup procedures/Passive DNS Lookup.md:23 [[T1597.001]] T1597.001 Threat Intel Vendors: major version change (1.0 → 2.0) T1597.001 Threat Intel Vendors, what changed',
    ]);
    expect(listed[1]!.links).toEqual([
      `${base}notes/commands/passive-dns-api-query/`,
      `${base}techniques/T1552/003/`,
      `${base}changes/v17.1-v18.0/techniques/T1552/003/`,
    ]);
    expect(await page('changes/v18.0-v18.1/notes')).toMatch(/No note or procedure links to an object that ATT&(amp;)?CK 18\.1 revoked/);
  });

  it('is linked from the changelogs', async () => {
    for (const path of ['changes', 'changes/v17.1-v18.0']) {
      expect(await page(path), path).toContain(`href="${base}changes/v17.1-v18.0/notes/"`);
    }
    expect(await page('changes/v17.1-v18.0')).toContain('3 links in 3 notes to check');
  });

  it('leaves the links working, each saying what its outdated id was', async () => {
    const playbook = await page('playbooks/dns-reconnaissance');
    expect(playbook).toContain(
      `<a href="${base}datasources/DS0029/" title="DS0029 Network Traffic, deprecated in 18.0: no longer in use" class="wikilink outdated-link">Network Traffic<span class="link-status"> (deprecated)</span></a>`,
    );
  });
});
