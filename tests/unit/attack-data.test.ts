/** The importer and page assembly on the real vendored ATT&CK 18.1 data. */
import { beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/pipeline/run.ts';
import type { ReleaseCollections } from '../../src/model/collections.ts';
import { AttackGraph } from '../../src/lib/graph.ts';
import { PageReferences } from '../../src/lib/references.ts';
import { renderRichText } from '../../src/lib/rich-text.ts';
import { Vault } from '../../src/lib/vault.ts';
import { domainListPage } from '../../src/sections/lists.ts';
import { objectRows, pageOf, sectionView } from '../helpers/pages.ts';
import { vendoredCollections } from '../helpers/vendored.ts';

let collections: ReleaseCollections;
let graph: AttackGraph;

beforeAll(async () => {
  collections = await vendoredCollections();
  graph = new AttackGraph(collections);
});

function technique(attackId: string) {
  const found = graph.byAttack('technique', attackId);
  if (!found) throw new Error(`no ${attackId}`);
  return found;
}

describe('STIX 2.0 and 2.1', () => {
  it('give identical collections for ics-attack-18.1', async () => {
    const stix20 = await runImport({ bundles: ['content/attack/ics-attack-18.1.json.br'] });
    const stix21 = await runImport({ bundles: ['tests/fixtures/ics-attack-18.1.stix21.json.br'] });
    const { releases: releases20, ...collections20 } = stix20.collections;
    const { releases: releases21, ...collections21 } = stix21.collections;
    expect(JSON.stringify(collections21)).toBe(JSON.stringify(collections20));
    expect(collections20.techniques.length).toBeGreaterThan(90);
    expect(releases20.map(({ release, specVersion }) => [release, specVersion])).toEqual([['18.1', '2.0']]);
    expect(releases21.map(({ release, specVersion }) => [release, specVersion])).toEqual([['18.1', '2.1']]);
  });
});

describe('the vendored release', () => {
  it('has the active objects the site is expected to show', () => {
    const active = <T extends { status: string }>(list: T[]) => list.filter((object) => object.status === 'active');
    const techniques = active(collections.techniques);
    expect(techniques.filter((t) => !t.isSubtechnique)).toHaveLength(376);
    expect(techniques.filter((t) => t.isSubtechnique)).toHaveLength(522);
    expect(active(collections.tactics)).toHaveLength(38);
    expect(active(collections.mitigations)).toHaveLength(108);
  });

  it('merges objects found in several domains', () => {
    const lazarus = graph.byAttack('group', 'G0032')!;
    expect(lazarus.domains).toEqual(['enterprise-attack', 'ics-attack']);
    expect(collections.groups.filter((group) => group.attackId === 'G0032')).toHaveLength(1);
  });

  it('scopes tactics by domain although short names repeat', () => {
    const enterpriseExecution = graph.byAttack('tactic', 'TA0002')!;
    const mobileExecution = graph.byAttack('tactic', 'TA0041')!;
    expect(enterpriseExecution.shortname).toBe(mobileExecution.shortname);
    expect(technique('T1059.001').tactics).toEqual([enterpriseExecution.id]);
    expect(technique('T1623').tactics).toContain(mobileExecution.id);
  });

  it('follows chains of revocations to the final replacement', () => {
    expect(graph.replacementOf(technique('T1150'))?.attackId).toBe('T1647');
    expect(graph.replacementOf(technique('T1547.011'))?.attackId).toBe('T1647');
    expect(graph.replacementOf(technique('T1073'))?.attackId).toBe('T1574.001');
  });

  it('links attack.mitre.org URLs in descriptions to pages of this site', () => {
    const description = renderRichText(technique('T1059.001').description, '/', () => '');
    expect(description).toContain('<a href="/software/S0363/">Empire</a>');
    expect(description).not.toContain('attack.mitre.org');
  });
});

describe('page data', () => {
  it('assembles T1059.001 with its card, tables and references numbered in page order', () => {
    const page = pageOf(graph, technique('T1059.001'), '/wiki/');
    const card = Object.fromEntries(page.card.map((row) => [row.label, row.value]));
    const subtechniques = objectRows(page, 'sub-techniques');
    const procedures = objectRows(page, 'procedure-examples');
    const detections = sectionView(page, 'detection', 'detections').groups;
    expect(page.heading).toBe('Command and Scripting Interpreter: PowerShell');
    expect(card.ID).toBe('T1059.001');
    expect(card['Sub-technique of']).toEqual({ text: 'T1059 Command and Scripting Interpreter', href: '/wiki/techniques/T1059/' });
    expect(card.Tactic).toEqual([{ text: 'Execution', href: '/wiki/tactics/TA0002/' }]);
    expect(card.Platforms).toEqual(['Windows']);

    expect(subtechniques.map((row) => row.attackId)).toContain('T1059.003');
    expect(subtechniques.map((row) => row.attackId)).not.toContain('T1059.001');
    expect(procedures.length).toBeGreaterThan(200);
    expect(procedures.map((row) => row.attackId)).toContain('G0016');
    expect(objectRows(page, 'mitigations').map((row) => row.attackId)).toEqual(expect.arrayContaining(['M1042', 'M1045', 'M1049']));
    expect(detections.map((group) => group.strategy.attackId)).toEqual(['DET0455']);
    expect(detections[0]!.analytics[0]!.href).toBe('/wiki/detectionstrategies/DET0455/#AN1252');

    // The description cites five sources first; table rows continue the numbering.
    expect(page.descriptionHtml).toContain('aria-label="Reference 1"');
    expect(page.descriptionHtml).not.toContain('aria-label="Reference 6"');
    expect(procedures.find((row) => row.descriptionHtml.includes('aria-label="Reference 6"'))).toBeDefined();
    expect(page.references.map((ref) => ref.number)).toEqual(page.references.map((_, index) => index + 1));
    expect(page.references[0]!.name).toBe('TechNet PowerShell');
  });

  it('nests sub-techniques under their parent on tactic pages', () => {
    const techniques = sectionView(pageOf(graph, graph.byAttack('tactic', 'TA0002')!), 'techniques', 'objects');
    const ids = techniques.rows.map((row) => row.attackId);
    expect(ids.indexOf('T1059.001')).toBe(ids.indexOf('T1059') + 1);
    expect(techniques.rows.find((row) => row.attackId === 'T1059.001')).toMatchObject({ isSub: true });
    expect(techniques.count).toBe(17);
  });

  it('lists the techniques a mitigation addresses with their domains', () => {
    const techniques = objectRows(pageOf(graph, graph.byAttack('mitigation', 'M1038')!), 'techniques-addressed');
    expect(techniques.length).toBeGreaterThan(50);
    expect(techniques[0]!.domains).toEqual(['Enterprise']);
    expect(techniques.map((row) => row.attackId)).toContain('T1059.001');
  });

  it('lists every active technique of a domain once', () => {
    const page = domainListPage('technique', 'ics-attack', { graph, vault: new Vault([]), base: '/', references: new PageReferences('/') });
    expect(page.rows).toHaveLength(83);
    expect(page.countText).toBe('83 techniques');
  });
});

describe('texts and relationships as ATT&CK means them', () => {
  const richStrings = (value: unknown): string[] =>
    Array.isArray(value) ? value.flatMap(richStrings) : typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(richStrings) : [];

  it('keeps a backslash written before a tag as a backslash, so the tag still closes', () => {
    const technique = graph.byAttack('technique', 'T1547.014')!;
    const html = renderRichText(technique.description, '/');
    expect(html).toContain('Installed Components\\</code> and setting a malicious value for <code>StubPath</code>');
    const escapedBackslash = collections.relationships.find((entry) => entry.id === 'relationship--5a3333ef-b106-42db-b0bb-46b2ac7c21b2');
    expect(renderRichText(escapedBackslash?.description ?? [], '/')).toContain('<code>C:\\windows\\temp\\s\\</code>, to stage');
    const escapedTags = [...Object.values(collections).flat()].flatMap((entry) =>
      richStrings((entry as { description?: unknown }).description).filter((text) => /&#x3C;\/code>|&lt;\/code&gt;/.test(text)),
    );
    expect(escapedTags).toEqual([]);
  });

  it('keeps the asterisks of paths, not reading them as emphasis', () => {
    const analytic = collections.analytics.find((entry) => entry.text.includes('/proc/*/mem or /proc/*/maps'));
    expect(analytic).toBeDefined();
    expect(renderRichText(analytic!.description, '/')).toContain('/proc/*/mem or /proc/*/maps');
  });

  it('links (LinkById: G0047) to Gamaredon Group', () => {
    const technique = graph.byAttack('technique', 'T1059.001')!;
    const gamaredon = graph.to(technique.id, 'uses').find(({ object }) => object.attackId === 'G0047')!;
    const html = renderRichText(gamaredon.relationship.description, '/');
    expect(html).not.toContain('LinkById');
    expect(html).toContain('href="/groups/G0047/">Gamaredon Group</a> has used PowerShell');
  });

  it('gives campaigns the domains their data names', () => {
    expect(graph.byAttack('campaign', 'C0022')!.domains).toEqual(['enterprise-attack', 'ics-attack']);
    expect(graph.byAttack('campaign', 'C0017')!.domains).toEqual(['enterprise-attack', 'mobile-attack']);
  });

  it('shows on a group what its campaigns used, marked as through the campaign', () => {
    const group = graph.byAttack('group', 'G1049')!;
    const rows = objectRows(pageOf(graph, group), 'techniques-used').filter((row) => !row.isHeading);
    expect(rows).toHaveLength(24);
    expect(rows.find((row) => row.attackId === 'T1195.002')!.descriptionHtml).toContain('Through campaign <a href="/campaigns/C0057/">C0057 3CX Supply Chain Attack</a>:');
    const users = objectRows(pageOf(graph, graph.byAttack('software', 'S1144')!), 'groups');
    expect(users.map((row) => row.attackId)).toContain('G1049');
  });

  it('shows the attribution of campaigns with its sources, on campaign and group pages', () => {
    const campaign = pageOf(graph, graph.byAttack('campaign', 'C0025')!);
    const groups = sectionView(campaign, 'groups', 'objects');
    expect(groups.descriptionHeader).toBeUndefined();
    expect(groups.rows[0]!.descriptionHtml).toMatch(/href="#ref-[0-9a-f]{8}"/);
    const group = pageOf(graph, graph.byAttack('group', 'G0034')!);
    const campaigns = sectionView(group, 'campaigns', 'objects');
    expect(campaigns.extraHeaders).toEqual(['First Seen', 'Last Seen', 'References']);
    expect(campaigns.rows.every((row) => JSON.stringify(row.cells?.[2]).includes('#ref-'))).toBe(true);
    // Every numbered reference is cited where the reader can see it.
    for (const page of [campaign, group]) {
      const cited = [...JSON.stringify(page).matchAll(/aria-label=\\"Reference (\d+)\\"/g)].map((match) => Number(match[1]));
      expect(new Set(cited), page.object.attackId).toEqual(new Set(page.references.map((reference) => reference.number)));
    }
  });
});
