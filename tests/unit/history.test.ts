/**
 * Release history on the real releases: the vendored 17.1, 18.0 and 18.1 (imported once by the
 * global setup) and Enterprise 16.1 and 17.0 (tests/fixtures/attack/, for the 17.0 merge of DLL
 * Side-Loading into T1574.001). Categories are checked against the official changelog layers of
 * attack.mitre.org (github.com/mitre-attack/attack-website, modules/resources/docs/changelogs/)
 * and against a count of our own, made here from the raw bundles.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AttackGraph } from '../../src/lib/graph.ts';
import { HistoryIndex } from '../../src/lib/history.ts';
import { changelogJson, changelogLayer } from '../../src/lib/pages/changes.ts';
import { objectChanges } from '../../src/lib/pages/object-changes.ts';
import { renderRichText } from '../../src/lib/rich-text.ts';
import type { Domain } from '../../src/model/attack.ts';
import type { ChangeCategory, ReleaseChanges } from '../../src/model/history.ts';
import { runImport } from '../../src/pipeline/run.ts';
import { pageOf, sectionView } from '../helpers/pages.ts';
import { tempDir } from '../helpers/stix.ts';
import { vendoredHistory, vendoredReleases } from '../helpers/vendored.ts';

let history: HistoryIndex;
let graphs: Map<string, AttackGraph>;

beforeAll(async () => {
  history = await vendoredHistory();
  graphs = new Map((await vendoredReleases()).map(({ release, collections }) => [release, new AttackGraph(collections)]));
});

function graph(release: string): AttackGraph {
  const found = graphs.get(release);
  if (!found) throw new Error(`release ${release} not loaded`);
  return found;
}

function stateOf(attackId: string, release: string) {
  const object = graph('18.1').byAttack('technique', attackId) ?? graph(release).byAttack('technique', attackId);
  return object && history.stateIn(object.id, release);
}

/** The ATT&CK ids of a domain's techniques in each category, as the changelog has them. */
function techniqueCategories(changes: ReleaseChanges, domain: Domain): Partial<Record<ChangeCategory, string[]>> {
  const categories = changes.domains.find((entry) => entry.domain === domain)?.kinds.find((entry) => entry.kind === 'technique')?.categories ?? {};
  const release = (category: string) => graph(category === 'deletions' ? changes.from : changes.to);
  return Object.fromEntries(
    Object.entries(categories).map(([category, ids]) => [category, ids.map((id) => release(category).get(id)!.attackId).sort()]),
  );
}

describe('history of the vendored releases', () => {
  it('knows T1082 went from 2.6 to 3.0 in 18.0, a major version change', () => {
    expect(stateOf('T1082', '17.1')).toMatchObject({ version: '2.6' });
    expect(stateOf('T1082', '18.0')).toMatchObject({ version: '3.0', change: 'major_version_changes' });
    expect(stateOf('T1082', '18.1')).toMatchObject({ version: '3.0', change: 'unchanged' });
  });

  it('knows T1552.003 was renamed Shell History in 18.0, and says so on its page', () => {
    expect(stateOf('T1552.003', '17.1')?.name).toBe('Bash History');
    expect(stateOf('T1552.003', '18.0')?.name).toBe('Shell History');
    const technique = graph('18.1').byAttack('technique', 'T1552.003')!;
    const view = sectionView(pageOf(graph('18.1'), technique, '/', undefined, history), 'history', 'table');
    expect(view.note).toEqual(['Known as “Bash History” until 17.1. ']);
    expect(view.rows.map((row) => row.cells[0])).toEqual([
      { text: '17.1', href: '/versions/v17.1/techniques/T1552/003/' },
      { text: '18.0', href: '/versions/v18.0/techniques/T1552/003/' },
      { text: '18.1', href: '/versions/v18.1/techniques/T1552/003/' },
    ]);
  });

  it('counts detection strategies and analytics as new in 18.0, and data components new to 18.0 as new', () => {
    const changes = history.changesInto('18.0')!;
    const enterprise = changes.domains.find((entry) => entry.domain === 'enterprise-attack')!;
    const count = (kind: string, category: ChangeCategory) => enterprise.kinds.find((entry) => entry.kind === kind)?.categories[category]?.length ?? 0;
    const strategies = graph('18.0').all('detectionstrategy').filter((strategy) => strategy.domains.includes('enterprise-attack'));
    expect(count('detectionstrategy', 'additions')).toBe(strategies.length);
    expect(count('analytic', 'additions')).toBe(graph('18.0').all('analytic').filter((analytic) => analytic.domains.includes('enterprise-attack')).length);
    const components = graph('18.0').all('datacomponent').filter((component) => !graph('17.1').get(component.id) && component.domains.includes('enterprise-attack'));
    expect(count('datacomponent', 'additions')).toBe(components.length);
    expect(count('datasource', 'deprecations')).toBe(37);
  });

  it('gives the technique categories of the official changelog layers', () => {
    // layer-ics.json of v17.1-v18.0 lists two patches; that of v18.0-v18.1 lists nothing; layer-mobile.json of v18.0-v18.1 lists T1454 as an addition.
    const ics18 = techniqueCategories(history.changesInto('18.0')!, 'ics-attack');
    expect(Object.entries(ics18).filter(([category]) => category !== 'unchanged')).toEqual([['patches', ['T0852', 'T0882']]]);
    const ics181 = techniqueCategories(history.changesInto('18.1')!, 'ics-attack');
    expect(Object.keys(ics181)).toEqual(['unchanged']);
    const mobile181 = techniqueCategories(history.changesInto('18.1')!, 'mobile-attack');
    expect(Object.entries(mobile181).filter(([category]) => category !== 'unchanged')).toEqual([['additions', ['T1454']]]);
  });

  it('counts each category as a reading of the raw bundles does', async () => {
    for (const changes of history.changes) {
      for (const domain of ['enterprise-attack', 'mobile-attack', 'ics-attack'] as const) {
        const expected = await rawTechniqueCategories(domain, changes.from, changes.to);
        const computed = techniqueCategories(changes, domain);
        expect(computed, `${domain} ${changes.id}`).toEqual(expected);
      }
    }
  });

  it('writes the changelog in diffStix’s structure and a layer coloured by category', () => {
    const changes = history.changesInto('18.0')!;
    const pair = { from: graph('17.1'), to: graph('18.0') };
    const json = changelogJson(changes, history, pair) as Record<string, Record<string, Record<string, { attack_id: string; version_change?: string }[]>>>;
    expect(Object.keys(json)).toEqual(['enterprise-attack', 'mobile-attack', 'ics-attack', 'new-contributors']);
    expect(Object.keys(json['enterprise-attack']!.techniques!)).toEqual([
      'additions',
      'major_version_changes',
      'minor_version_changes',
      'other_version_changes',
      'patches',
      'revocations',
      'deprecations',
      'deletions',
    ]);
    expect(json['enterprise-attack']!.techniques!.major_version_changes).toContainEqual(expect.objectContaining({ attack_id: 'T1082', version_change: '2.6 → 3.0' }));
    const layer = changelogLayer(changes, 'ics-attack', pair);
    expect(layer.techniques.map((entry) => [entry.techniqueID, entry.tactic, entry.color, entry.comment])).toEqual([
      ['T0852', 'collection', '#B99095', 'patches'],
      ['T0882', 'impact', '#B99095', 'patches'],
    ]);
  });

  it('shows what changed in T1082 from 17.1 to 18.0: description words, data sources, detections', () => {
    const [older, newer] = [graph('17.1').byAttack('technique', 'T1082')!, graph('18.0').byAttack('technique', 'T1082')!];
    const diff = objectChanges(older, newer, { from: graph('17.1'), to: graph('18.0') });
    expect(diff.name).toBeUndefined();
    expect(diff.description.some((part) => part.added && part.value.includes('Local Storage Discovery'))).toBe(true);
    expect(diff.fields.find((field) => field.label === 'Data Sources')).toMatchObject({ after: [] });
    expect(diff.fields.map((field) => field.label)).not.toContain('Platforms');
    const detection = diff.sections.find((section) => section.title === 'Detection');
    expect(detection?.added.map((row) => row.label)).toContainEqual(expect.stringMatching(/^DET\d{4} /));
  });
});

describe('history of Enterprise 16.1 and 17.0', () => {
  let old: Awaited<ReturnType<typeof runImport>>;
  let index: HistoryIndex;

  beforeAll(async () => {
    const vault = await tempDir();
    await writeFile(join(vault, 'Loader.md'), 'Signed binaries load [[T1574.002|side-loaded DLLs]];\nsee also [[T1574.001]].\n');
    old = await runImport({ bundles: ['tests/fixtures/attack/enterprise-attack-16.1.json.br', 'tests/fixtures/attack/enterprise-attack-17.0.json.br'], vault });
    index = new HistoryIndex(old.history.objects, old.history.changes, ['16.1', '17.0']);
  }, 300_000);

  it('tells a note’s link to T1574.002 what it was, and lists both links among what 17.0 changed of the notes', () => {
    const html = renderRichText(old.collections.notes.find((note) => note.id === 'Loader')!.html, '/');
    expect(html).toContain(
      '<a href="/techniques/T1574/001/" title="T1574.002 DLL Side-Loading, revoked in 17.0: now T1574.001 DLL" class="wikilink outdated-link">side-loaded DLLs<span class="link-status"> (revoked)</span></a>',
    );
    const [changes] = old.report.vault!.releaseChanges;
    expect(changes!.links.map(({ change, line, text, replacement, newName }) => ({ change, line, text, replacement: replacement?.attackId, newName }))).toEqual([
      { change: 'revoked', line: 1, text: '[[T1574.002|side-loaded DLLs]]', replacement: 'T1574.001', newName: undefined },
      { change: 'renamed', line: 2, text: '[[T1574.001]]', replacement: undefined, newName: 'DLL' },
    ]);
    expect(JSON.stringify(old.report)).not.toContain('attackLinks');
  });

  it('reads T1574.002 as revoked by T1574.001, which it renamed, and says both on T1574.001’s page', () => {
    const graph17 = new AttackGraph(old.releases[1]!.collections);
    const dll = graph17.byAttack('technique', 'T1574.001')!;
    const sideLoading = graph17.byAttack('technique', 'T1574.002')!;
    expect(index.stateIn(sideLoading.id, '17.0')).toMatchObject({ change: 'revocations', revokedBy: dll.id });
    expect(index.stateIn(dll.id, '16.1')?.name).toBe('DLL Search Order Hijacking');
    expect(index.stateIn(dll.id, '17.0')).toMatchObject({ name: 'DLL', change: 'major_version_changes' });
    const view = sectionView(pageOf(graph17, dll, '/', undefined, index), 'history', 'table');
    expect(view.note).toEqual([
      'Known as “DLL Search Order Hijacking” until 16.1. ',
      'Absorbed ',
      { text: 'DLL Side-Loading (T1574.002)', href: '/techniques/T1574/002/' },
      ' in 17.0; its old id leads here. ',
    ]);
  });

  it('gives the additions and major version changes of the official v16.1-v17.0 Enterprise layer', () => {
    const changes = old.history.changes[0]!;
    const enterprise = changes.domains[0]!.kinds.find((entry) => entry.kind === 'technique')!.categories;
    const graph17 = new AttackGraph(old.releases[1]!.collections);
    const ids = (category: ChangeCategory) => (enterprise[category] ?? []).map((id) => graph17.get(id)!.attackId).sort();
    expect(ids('additions')).toEqual(
      ['T1564.013', 'T1176.001', 'T1671', 'T1027.015', 'T1675', 'T1667', 'T1672', 'T1668', 'T1564.014', 'T1059.012', 'T1176.002', 'T1219.001', 'T1674', 'T1127.003', 'T1027.016', 'T1204.004', 'T1036.011', 'T1219.003', 'T1219.002', 'T1027.017', 'T1569.003', 'T1673', 'T1669', 'T1505.006'].sort(),
    );
    expect(ids('major_version_changes')).toEqual(['T1574.001', 'T1036.005', 'T1112', 'T1219', 'T1036.003', 'T1176'].sort());
    expect(ids('minor_version_changes')).toEqual(expect.arrayContaining(['T1003.008', 'T1558.004', 'T1548', 'T1134', 'T1546.008', 'T1531', 'T1087', 'T1098']));
    expect(ids('revocations')).toEqual(['T1574.002']);
  });
});

describe('a release that lacks a domain', () => {
  it('says the objects of that domain are not in its data, rather than new or deleted', async () => {
    const { history: lacking } = await runImport({ bundles: ['tests/fixtures/attack/enterprise-attack-17.0.json.br', 'tests/fixtures/ics-attack-18.1.stix21.json.br'] });
    const ics = lacking.objects.find((object) => object.states.some((state) => state.attackId === 'T0800'))!;
    expect(ics.states.map((state) => [state.release, state.presence, state.change])).toEqual([
      ['17.0', 'no-data', undefined],
      ['18.1', 'present', undefined],
    ]);
    expect(lacking.changes[0]!.domains).toEqual([]);
  }, 180_000);
});

/**
 * The categories of a domain's techniques between two vendored releases, read from the raw
 * bundles by diffStix's rules: written apart from src/pipeline/stages/history.ts, on STIX fields.
 */
const rawTechniques = new Map<string, Promise<Map<string, Record<string, unknown>>>>();

async function rawTechniqueCategories(domain: Domain, from: string, to: string): Promise<Partial<Record<ChangeCategory, string[]>>> {
  const read = (release: string) => {
    const file = `content/attack/${domain}-${release}.json.br`;
    if (!rawTechniques.has(file)) {
      rawTechniques.set(file, readFile(file).then((bytes) => {
        const bundle = JSON.parse(brotliDecompressSync(bytes).toString()) as { objects: Record<string, unknown>[] };
        return new Map(bundle.objects.filter((object) => object.type === 'attack-pattern').map((object) => [object.id as string, object]));
      }));
    }
    return rawTechniques.get(file)!;
  };
  const [before, after] = [await read(from), await read(to)];
  const attackId = (object: Record<string, unknown>) =>
    (object.external_references as { source_name: string; external_id?: string }[]).find((ref) => ref.source_name === 'mitre-attack' || ref.source_name.startsWith('mitre-'))!.external_id!;
  const version = (object: Record<string, unknown>) => String(object.x_mitre_version ?? '0.0').split('.').map(Number) as [number, number];
  const result: Partial<Record<ChangeCategory, string[]>> = {};
  const add = (category: ChangeCategory, object: Record<string, unknown>) => (result[category] ??= []).push(attackId(object));
  for (const [id, object] of after) {
    const old = before.get(id);
    if (!old) add('additions', object);
    else if (object.revoked) {
      if (!old.revoked) add('revocations', object);
    } else if (object.x_mitre_deprecated) {
      if (!old.x_mitre_deprecated) add('deprecations', object);
    } else {
      const [[major, minor], [oldMajor, oldMinor]] = [version(object), version(old)];
      if (major === oldMajor + 1 && minor === 0) add('major_version_changes', object);
      else if (major === oldMajor && minor === oldMinor + 1) add('minor_version_changes', object);
      else if (major !== oldMajor || minor !== oldMinor) add('other_version_changes', object);
      else if (object.modified !== old.modified || object.description !== old.description) add('patches', object);
      else add('unchanged', object);
    }
  }
  for (const [id, object] of before) if (!after.has(id)) add('deletions', object);
  for (const ids of Object.values(result)) ids.sort();
  return result;
}
