/** Data assembly of the group, software, campaign, detection, data component and asset pages, on real data. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackGraph } from '../../src/lib/graph.ts';
import { analyticIndex } from '../../src/lib/pages/analytics.ts';
import { countText, type CardRow, type ObjectRow } from '../../src/lib/pages/common.ts';
import { PageReferences } from '../../src/lib/references.ts';
import { Vault } from '../../src/lib/vault.ts';
import { domainListPage, kindDomains, listedObjects, wholeList } from '../../src/sections/lists.ts';
import type { ListedKind } from '../../src/model/kinds.ts';
import { objectRows, pageOf, sectionView, tableRows } from '../helpers/pages.ts';
import { vendoredGraph } from '../helpers/vendored.ts';

let graph: AttackGraph;

beforeAll(async () => {
  graph = await vendoredGraph();
});

const ids = (rows: ObjectRow[]) => rows.map((row) => row.attackId);
const card = (rows: CardRow[]) => Object.fromEntries(rows.map((row) => [row.label, row.value]));

describe('group page', () => {
  it('shows G0016 with its aliases, campaigns, techniques and software', () => {
    const page = pageOf(graph, graph.byAttack('group', 'G0016')!);
    const campaigns = objectRows(page, 'campaigns');
    const software = objectRows(page, 'software');
    expect(card(page.card)['Associated Groups']).toEqual(expect.arrayContaining(['Cozy Bear', 'NOBELIUM', 'Midnight Blizzard']));
    expect(tableRows(page, 'aliases').find((alias) => alias.cells[0] === 'Cozy Bear')?.cells[1]).toEqual({ html: expect.stringContaining('href="#ref-') });
    expect(ids(campaigns)).toEqual(['C0023', 'C0024']);
    expect(campaigns[1]!.cells).toEqual(['August 2019', 'January 2021', { html: expect.stringMatching(/^(<sup class="cite" id="[^"]+">.*<\/sup>)+$/) }]);
    expect(ids(software)).toContain('S0002');
    expect(software.find((row) => row.attackId === 'S0002')!.cells![0]).toEqual(
      expect.arrayContaining([{ text: 'OS Credential Dumping: LSASS Memory', href: '/techniques/T1003/001/' }]),
    );
  });

  it('lists techniques in id order, sub-techniques right under their parent', () => {
    const rows = objectRows(pageOf(graph, graph.byAttack('group', 'G0016')!), 'techniques-used');
    const techniques = ids(rows);
    expect(techniques.length).toBeGreaterThan(50);
    expect(techniques).toEqual([...techniques].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    // APT29 (itself and through its campaigns) uses PowerShell, Python, AppleScript and more, but not T1059 itself: T1059 heads them.
    const parent = techniques.indexOf('T1059');
    const subs = techniques.filter((id) => id.startsWith('T1059.'));
    expect(subs).toEqual(expect.arrayContaining(['T1059.001', 'T1059.006', 'T1059.009']));
    expect(techniques.slice(parent + 1, parent + 1 + subs.length)).toEqual(subs);
    expect(rows[parent]).toMatchObject({ isHeading: true, descriptionHtml: '' });
    expect(rows[parent + 1]).toMatchObject({ isSub: true, name: 'Command and Scripting Interpreter: PowerShell' });
    // T1037 is used itself, and heads T1037.004 as a normal row.
    expect(rows[techniques.indexOf('T1037')]!.isHeading).toBeUndefined();
    expect(techniques.filter((id) => id === 'T1037')).toHaveLength(1);
  });

  it('numbers citations of table rows after those of the description', () => {
    const page = pageOf(graph, graph.byAttack('group', 'G0016')!);
    const inDescription = [...page.descriptionHtml.matchAll(/aria-label="Reference (\d+)"/g)].map((match) => Number(match[1]));
    expect(Math.max(...inDescription)).toBe(new Set(inDescription).size);
    expect(page.references.length).toBeGreaterThan(inDescription.length);
    expect(page.references.map((ref) => ref.number)).toEqual(page.references.map((_, index) => index + 1));
  });
});

describe('software page', () => {
  it('shows S0002 Mimikatz: type, techniques, groups and campaigns', () => {
    const page = pageOf(graph, graph.byAttack('software', 'S0002')!);
    const techniques = objectRows(page, 'techniques-used');
    expect(card(page.card).Type).toBe('Tool');
    expect(card(page.card).Platforms).toEqual(['Windows']);
    expect(ids(techniques)).toContain('T1003.001');
    expect(techniques[0]!.domains).toEqual(['Enterprise']);
    expect(ids(objectRows(page, 'groups'))).toEqual(expect.arrayContaining(['G0016', 'G0007']));
    expect(ids(objectRows(page, 'campaigns'))).toContain('C0014');
  });

  it('covers software found in two domains', () => {
    const multi = graph.active('software').find((software) => software.domains.length > 1)!;
    const page = pageOf(graph, multi);
    expect(card(page.card).Domains).toEqual(expect.arrayContaining(['Enterprise']));
    expect(new Set(objectRows(page, 'techniques-used').flatMap((row) => row.domains)).size).toBeGreaterThan(1);
  });
});

describe('campaign page', () => {
  it('shows C0024 first and last seen with their citations, group and techniques', () => {
    const page = pageOf(graph, graph.byAttack('campaign', 'C0024')!);
    const { ['First Seen']: first, ['Last Seen']: last } = card(page.card);
    expect(first).toEqual({ html: expect.stringMatching(/^August 2019<sup class="cite" id="ref-[0-9a-f]{8}-cite-\d+"><a href="#ref-[0-9a-f]{8}"/) });
    expect(last).toEqual({ html: expect.stringMatching(/^January 2021<sup class="cite" id="[^"]+">/) });
    expect(ids(objectRows(page, 'groups'))).toEqual(['G0016']);
    expect(objectRows(page, 'techniques-used').length).toBeGreaterThan(50);
    expect(ids(objectRows(page, 'software'))).toContain('S0002');
  });

  it('escapes a first-seen date that is not a date, shown as written next to its citation', () => {
    const c0024 = graph.byAttack('campaign', 'C0024')!;
    const page = pageOf(graph, { ...c0024, firstSeen: '<img src=x onerror=alert(1)>' });
    expect(card(page.card)['First Seen']).toEqual({ html: expect.stringMatching(/^&lt;img src=x onerror=alert\(1\)&gt;<sup class="cite" id="[^"]+">/) });
  });
});

describe('detection strategy page', () => {
  it('lists every analytic of a strategy with its log sources and mutable elements', () => {
    const strategy = graph.active('detectionstrategy').find((s) => s.analytics.length > 2)!;
    const page = pageOf(graph, strategy, '/wiki/');
    const analytics = sectionView(page, 'analytics', 'analytics').analytics;
    expect(analytics.map((analytic) => analytic.attackId)).toEqual(
      strategy.analytics.map((id) => graph.get(id)!.attackId),
    );
    const withSources = analytics.find((analytic) => analytic.logSources.length > 0)!;
    expect(withSources.logSources[0]!.cells[0]).toEqual({ text: expect.stringMatching(/ \(DC\d{4}\)$/), href: expect.stringMatching(/^\/wiki\/datacomponents\/DC\d{4}\/$/) });
    expect(analytics.some((analytic) => analytic.mutableElements.length > 0)).toBe(true);
    expect(objectRows(page, 'techniques-detected').length).toBeGreaterThan(0);
  });

  it('shows DET0455 detecting T1059.001 with analytic AN1252', () => {
    const page = pageOf(graph, graph.byAttack('detectionstrategy', 'DET0455')!);
    const analytics = sectionView(page, 'analytics', 'analytics').analytics;
    expect(ids(objectRows(page, 'techniques-detected'))).toEqual(['T1059.001']);
    expect(analytics.map((analytic) => analytic.attackId)).toEqual(['AN1252']);
    expect(analytics[0]!.platforms).toEqual(['Windows']);
  });
});

describe('data component page', () => {
  it('lists its log sources and the analytics that read it', () => {
    const page = pageOf(graph, graph.byAttack('datacomponent', 'DC0001')!);
    const analytics = tableRows(page, 'detection-strategies');
    expect(tableRows(page, 'log-sources').length).toBeGreaterThan(5);
    expect(analytics.length).toBeGreaterThan(0);
    const [strategy, , analytic, , sources] = analytics[0]!.cells as [{ href: string }, unknown, { text: string; href: string }, unknown, unknown[]];
    expect(strategy.href).toMatch(/^\/detectionstrategies\/DET\d{4}\/$/);
    expect(analytic.href).toBe(`${strategy.href}#${analytic.text}`);
    expect(sources.length).toBeGreaterThan(0);
  });
});

describe('asset page', () => {
  it('shows A0001 with the techniques that target it', () => {
    const asset = graph.byAttack('asset', 'A0001')!;
    const page = pageOf(graph, asset);
    const techniques = objectRows(page, 'techniques');
    expect(card(page.card).Platforms).toEqual(asset.platforms);
    expect(techniques.length).toBeGreaterThan(10);
    expect(techniques.every((row) => row.attackId.startsWith('T0'))).toBe(true);
  });
});

describe('lists', () => {
  it('count the active objects of each section', () => {
    const total = (kind: ListedKind) =>
      new Set(kindDomains(graph, kind).flatMap((domain) => listedObjects(graph, kind, domain).map((object) => object.id))).size;
    expect(total('group')).toBe(176);
    expect(total('software')).toBe(910);
    expect(total('campaign')).toBe(55);
    expect(total('detectionstrategy')).toBe(898);
    expect(total('datacomponent')).toBe(119);
    expect(total('asset')).toBe(18);
    expect(countText(graph.active('software'), 'software')).toBe('910 software (817 malware, 93 tools)');
  });

  it('give assets only to ICS', () => {
    expect(kindDomains(graph, 'asset')).toEqual(['ics-attack']);
  });

  it('show the extra columns of a section', () => {
    const page = domainListPage('campaign', 'enterprise-attack', { graph, vault: new Vault([]), base: '/', references: new PageReferences('/') });
    expect(page.rows.find((row) => row.attackId === 'C0024')!.cells).toEqual(['August 2019', 'January 2021']);
  });

  it('list every detection strategy and data component on their overview, with their domains', () => {
    const context = { graph, vault: new Vault([]), base: '/', references: new PageReferences('/') };
    const strategies = wholeList('detectionstrategy', context);
    expect(strategies.rows).toHaveLength(898);
    expect(strategies.columnHeaders).toEqual(['Techniques Detected']);
    expect(strategies.showDescription).toBe(false);
    const det0455 = strategies.rows.find((row) => row.attackId === 'DET0455')!;
    expect(det0455.domains).toEqual(['Enterprise']);
    expect(det0455.cells).toEqual([[{ text: 'T1059.001', href: '/techniques/T1059/001/' }]]);
    const components = wholeList('datacomponent', context);
    expect(components.rows).toHaveLength(119);
    expect(components.rows.some((row) => row.domains!.length > 1)).toBe(true);
    expect(components.rows.map((row) => row.attackId)).toEqual(components.rows.map((row) => row.attackId).toSorted());
  });

  it('list every analytic once, with its technique and detection strategy, filterable by domain and platform', () => {
    const { table, domains, platforms } = analyticIndex(graph, '/');
    expect(table.rows).toHaveLength(2032);
    expect(table.source).toBe('/analytics/index.json');
    const row = table.rows.find((candidate) => JSON.stringify(candidate.cells[0]).includes('"AN1252"'))!;
    expect(row.cells.slice(0, 4)).toEqual([
      { text: 'AN1252', href: '/detectionstrategies/DET0455/#AN1252' },
      [{ text: 'T1059.001 PowerShell', href: '/techniques/T1059/001/' }],
      { text: graph.byAttack('detectionstrategy', 'DET0455')!.name, href: '/detectionstrategies/DET0455/' },
      ['Windows'],
    ]);
    expect(row.data).toEqual({ domains: 'enterprise', platforms: 'windows' });
    expect(domains.map((domain) => domain.label).sort()).toEqual(['Enterprise', 'ICS', 'Mobile']);
    expect(platforms).toContainEqual({ value: 'network-devices', label: 'Network Devices' });
    expect(platforms.map((platform) => platform.label)).toEqual(platforms.map((platform) => platform.label).toSorted((a, b) => a.localeCompare(b, 'en')));
    // Every platform an analytic names is a choice of the filter.
    const values = new Set(platforms.map((platform) => platform.value));
    expect(table.rows.every((candidate) => (candidate.data?.platforms ?? '').split(' ').filter(Boolean).every((value) => values.has(value)))).toBe(true);
  });
});
