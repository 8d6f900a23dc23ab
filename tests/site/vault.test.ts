/** The site built from Enterprise and the test vault (tests/fixtures/vault), in the export format. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const siteDir = inject('vaultSiteDir');
const base = inject('vaultSiteBase');
const report = async () =>
  JSON.parse(await readFile(join(inject('vaultGeneratedDir'), 'collections', 'import-report.json'), 'utf8')) as {
    brokenLinks: { source: string; line: number; target: string; reason: string }[];
    warnings: { source?: string; line?: number; message: string }[];
  };
const page = (path: string) => readFile(join(siteDir, path, 'index.html'), 'utf8');

describe('the test vault', () => {
  it('gives every published procedure a page', async () => {
    const procedures = [
      'subdomain-enumeration-with-subbrute',
      'zone-transfer-with-dig',
      'powershell-download-cradle',
      'passive-dns-recon',
      'scheduled-task-persistence',
      'legacy-powershell-procedure',
    ];
    for (const slug of procedures) expect(existsSync(join(siteDir, 'procedures', slug, 'index.html')), slug).toBe(true);
    expect(existsSync(join(siteDir, 'procedures', 'draft-procedure'))).toBe(false);
    const index = await page('procedures');
    expect([...index.matchAll(/<tr[^>]* data-tactics/g)]).toHaveLength(procedures.length);
  });

  it('lands links by ATT&CK id on ATT&CK pages that exist', async () => {
    const html = await page('procedures/zone-transfer-with-dig');
    expect(html).toContain(`href="${base}tactics/TA0043/"`);
    expect(html).toContain(`href="${base}techniques/T1590/002/"`);
    expect(existsSync(join(siteDir, 'techniques/T1590/002/index.html'))).toBe(true);
    const legacy = await page('procedures/legacy-powershell-procedure');
    expect(legacy).toContain(
      `<a href="${base}techniques/T1059/001/" title="T1086 PowerShell, revoked: now T1059.001 PowerShell" class="wikilink outdated-link">the replacement<span class="link-status"> (revoked)</span></a>`,
    );
  });

  it('maps procedures through technique notes and shows them on the ATT&CK page', async () => {
    const technique = await page('techniques/T1053');
    expect(technique).toContain(`href="${base}procedures/scheduled-task-persistence/"`);
    const dns = await page('techniques/T1590/002');
    expect(dns).toMatch(/<h2 id="team-procedures">/);
    expect(dns).toContain(`href="${base}procedures/subdomain-enumeration-with-subbrute/"`);
    expect(dns).toContain(`href="${base}procedures/zone-transfer-with-dig/"`);
  });

  it('shows team notes on ATT&CK pages without the description they repeat', async () => {
    const dns = await page('techniques/T1590/002');
    const teamNotes = dns.slice(dns.indexOf('id="team-notes"'), dns.indexOf('</section>', dns.indexOf('id="team-notes"')));
    expect(teamNotes).toContain('Team insight');
    expect(teamNotes).toContain('Our secondaries are the only hosts allowed to transfer zones');
    expect(teamNotes).not.toContain('DNS MX, TXT, and SPF records');
  });

  it('reports exactly the planted broken links, with file and line', async () => {
    const { brokenLinks } = await report();
    expect(brokenLinks.map(({ source, line, target }) => `${source.replace('tests/fixtures/vault/', '')}:${line} ${target}`)).toEqual([
      'procedures/Passive DNS Recon.md:12 missing-diagram.png',
      'procedures/Scheduled Task Persistence.md:12 T9999',
      'procedures/Scheduled Task Persistence.md:6 Ghost Command',
      'procedures/Zone Transfer with dig.md:28 Nonexistent Note',
      'procedures/Zone Transfer with dig.md:28 ',
    ]);
    const html = await page('procedures/zone-transfer-with-dig');
    expect(html).toContain('<span class="broken-link" title="Unresolved link: Nonexistent Note">Nonexistent Note</span>');
  });

  it('leaves out the unreadable notes with a warning naming each, and builds the rest', async () => {
    const { warnings } = await report();
    const skipped = warnings.filter((warning) => warning.message.includes('left out')).map((warning) => warning.source?.split('/').at(-1));
    expect(skipped.sort()).toEqual(['binary.md', 'latin1.md']);
    expect(existsSync(join(siteDir, 'notes/payloads/encoded-command/index.html'))).toBe(true);
  });

  it('publishes a note with broken frontmatter, showing the frontmatter as text, with a warning naming the line', async () => {
    const { warnings } = await report();
    const broken = warnings.filter((warning) => warning.source?.endsWith('Broken YAML.md'));
    // The YAML parser notices the unclosed list where the frontmatter ends, on line 5.
    expect(broken.map((warning) => [warning.line, warning.message])).toEqual([[5, expect.stringContaining('broken YAML frontmatter')]]);
    const html = await page('notes/payloads/broken-yaml');
    expect(html).toContain('name: [unclosed');
    expect(html).toContain('frontmatter does not parse.');
  });

  it('resolves duplicate names, / in targets, permalinks and images', async () => {
    const cheatsheet = await page('cheatsheets/dns');
    expect(cheatsheet).toContain(`href="${base}notes/sub-techniques/dns/"`);
    expect(cheatsheet).toContain(`src="${base}files/images/recon.png" alt="recon.png" width="320"`);
    expect(existsSync(join(siteDir, 'files/images/recon.png'))).toBe(true);
    expect(existsSync(join(siteDir, 'notes/cheatsheets/dns_copy/index.html'))).toBe(true);
    const passive = await page('procedures/passive-dns-recon');
    expect(passive).toContain(`href="${base}notes/sub-techniques/dns-passive-dns/"`);
    const chain = await page('notes/attack-chains/external-recon-to-execution');
    expect(chain).toContain('Recon: external to execution');
    expect(chain).toContain('Step 1: enumerate DNS; step 2: run a cradle');
    expect(chain).toContain('<span class="unpublished-link">Draft Procedure</span>');
  });
});
