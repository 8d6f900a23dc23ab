/** Page data for reading and finding (issue 14): titles, a missing page's query, a technique's neighbours in its tactics, the home page's team content, card definitions. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackGraph } from '../../src/lib/graph.ts';
import { Detections } from '../../src/lib/detections.ts';
import { withDefinitions } from '../../src/lib/pages/card-definitions.ts';
import { teamSummaries } from '../../src/lib/pages/home.ts';
import { tacticNeighbours } from '../../src/lib/pages/tactic-neighbours.ts';
import { queryFromPath } from '../../src/lib/not-found.ts';
import { objectTitle, TITLE_ALIAS_BUDGET } from '../../src/lib/page-title.ts';
import { Vault } from '../../src/lib/vault.ts';
import { pageOf } from '../helpers/pages.ts';
import { vendoredDetections, vendoredGraph } from '../helpers/vendored.ts';

let graph: AttackGraph;

beforeAll(async () => {
  graph = await vendoredGraph();
});

describe('page titles', () => {
  it('name the object, its id, as many aliases as fit and its domains', () => {
    const apt29 = graph.byAttack('group', 'G0016')!;
    const aliases = apt29.aliases.map((alias) => alias.name);
    const title = objectTitle(apt29.name, apt29.attackId, aliases, ['Enterprise']);
    expect(title).toMatch(/^APT29 \(G0016\), IRON RITUAL, .+… · Enterprise$/);
    expect(title.split(' · ')[0]!.length).toBeLessThanOrEqual(TITLE_ALIAS_BUDGET + 1);
    expect(title).not.toMatch(/APT29 \(G0016\), APT29/);
  });

  it('leave out the ellipsis when every alias fits, and tell apart objects of one name by domain', () => {
    expect(objectTitle('Mimikatz', 'S0002', ['Mimikatz'], ['Enterprise'])).toBe('Mimikatz (S0002) · Enterprise');
    expect(objectTitle('Data Destruction', 'T0809', [], ['ICS'])).toBe('Data Destruction (T0809) · ICS');
    expect(objectTitle('x', 'S1', ['a', 'b'], ['Enterprise', 'Mobile'])).toBe('x (S1), a, b · Enterprise, Mobile');
  });
});

describe('the 404 page’s query', () => {
  it.each([
    ['/techniques/T1059/009/', '/', 'T1059.009'],
    ['/wiki/techniques/T1059/009/', '/wiki/', 'T1059.009'],
    ['/wiki/versions/v17.1/groups/G0016/', '/wiki/', 'G0016'],
    ['/groups/cozy-bear/', '/', 'cozy bear'],
    ['/notes/playbooks/dns_triage.html', '/', 'playbooks dns triage'],
    ['/Kerberoasting', '/', 'Kerberoasting'],
    ['/techniques/', '/', 'techniques'],
    ['/%E0%A4%A/', '/', '%E0%A4%A'],
    ['/other/place/', '/wiki/', 'other place'],
  ])('reads %s (base %s) as %j', (path, base, query) => {
    expect(queryFromPath(path, base)).toBe(query);
  });
});

describe('a technique’s neighbours in its tactics', () => {
  it('are the techniques before and after it in each tactic’s list, with its row there', () => {
    const validAccounts = graph.byAttack('technique', 'T1078')!;
    const neighbours = tacticNeighbours(validAccounts, graph, '/wiki/');
    expect(neighbours.map((entry) => entry.tactic.text)).toEqual(validAccounts.tactics.map((id) => graph.get(id)!.name));
    const persistence = neighbours.find((entry) => entry.tactic.text === 'Persistence')!;
    expect(persistence.tactic.href).toBe('/wiki/tactics/TA0003/#techniques-T1078');
    const parents = graph.active('technique').filter((technique) => !technique.isSubtechnique && technique.tactics.includes(graph.byAttack('tactic', 'TA0003')!.id));
    const index = parents.findIndex((technique) => technique.attackId === 'T1078');
    expect(persistence.place).toBe(`Technique ${index + 1} of ${parents.length}`);
    expect(persistence.previous?.text).toBe(`${parents[index - 1]!.attackId} ${parents[index - 1]!.name}`);
    expect(persistence.next?.href).toBe(`/wiki/${parents[index + 1]!.path.slice(1)}`);
  });

  it('are sibling sub-techniques for a sub-technique, and none past the ends', () => {
    const [execution] = tacticNeighbours(graph.byAttack('technique', 'T1059.001')!, graph, '/');
    expect(execution).toMatchObject({ tactic: { text: 'Execution', href: '/tactics/TA0002/#techniques-T1059-001' }, place: expect.stringMatching(/^Sub-technique 1 of \d+$/) });
    expect(execution!.previous).toBeUndefined();
    expect(execution!.next?.text).toBe('T1059.002 AppleScript');
  });
});

describe('the home page', () => {
  it('leads to the team’s content that there is, with counts', async () => {
    const empty = new Detections({ sigmarules: [], atomictests: [], detectionsources: [] });
    expect(teamSummaries(new Vault([]), empty, '/')).toEqual([]);
    const detections = await vendoredDetections();
    expect(teamSummaries(new Vault([]), detections, '/wiki/')).toEqual([
      { label: 'Sigma rules', href: '/wiki/sigma/', countText: `${detections.rules.length.toLocaleString('en-US')} rules` },
      { label: 'Atomic tests', href: '/wiki/atomics/', countText: `${detections.tests.length.toLocaleString('en-US')} tests` },
    ]);
  });
});

describe('ID card definitions', () => {
  it('explain the fields of an object’s card, by kind where the meaning differs', () => {
    const technique = pageOf(graph, graph.byAttack('technique', 'T1059.001')!);
    const platforms = technique.card.find((row) => row.label === 'Platforms');
    expect(platforms?.definition).toMatch(/technique/);
    expect(technique.card.every((row) => row.definition)).toBe(true);
    const software = withDefinitions([{ label: 'Platforms', value: ['Windows'] }], 'software');
    expect(software[0]!.definition).toMatch(/software runs on/);
    expect(withDefinitions([{ label: 'Unknown field', value: 'x' }], 'group')[0]).toEqual({ label: 'Unknown field', value: 'x' });
  });
});
