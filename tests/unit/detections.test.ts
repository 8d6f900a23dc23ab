/**
 * The vendored Sigma rules and Atomic Red Team tests as the import linked them (the global setup's
 * full build), checked against counts read independently from the packed files; tag mapping, bad
 * rules and the coverage rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ATOMICS, DEFAULT_SIGMA, parseOptions } from '../../src/cli/options.ts';
import type { Detections } from '../../src/lib/detections.ts';
import type { AttackGraph } from '../../src/lib/graph.ts';
import { coverageRows } from '../../src/lib/pages/coverage.ts';
import { atomicPages, fillDefaults } from '../../src/lib/pages/atomics.ts';
import { objectRulesPages, RULES_ON_OBJECT_PAGE, RULES_PER_PAGE } from '../../src/lib/pages/sigma.ts';
import { Vault } from '../../src/lib/vault.ts';
import { highlightYaml } from '../../src/lib/yaml-highlight.ts';
import type { AttackObject } from '../../src/model/attack.ts';
import { ALL_KINDS } from '../../src/model/kinds.ts';
import { AttackTagResolver } from '../../src/pipeline/detections/attack-tags.ts';
import { readAtomicTests } from '../../src/pipeline/detections/atomics.ts';
import { readSigmaRules } from '../../src/pipeline/detections/sigma.ts';
import { ImportReport } from '../../src/pipeline/report.ts';
import { AttackLookup } from '../../src/pipeline/vault/resolve.ts';
import { atomicTestCount, packedFiles, taggedIds, type PackedFile } from '../helpers/packed-rules.ts';
import { vendoredDetections, vendoredGraph } from '../helpers/vendored.ts';

let graph: AttackGraph;
let detections: Detections;
let sigmaFiles: PackedFile[];
let atomicFiles: PackedFile[];

beforeAll(async () => {
  [graph, detections, sigmaFiles, atomicFiles] = await Promise.all([vendoredGraph(), vendoredDetections(), packedFiles(DEFAULT_SIGMA), packedFiles(DEFAULT_ATOMICS)]);
});

function technique(attackId: string) {
  const found = graph.byAttack('technique', attackId);
  if (!found) throw new Error(`no ${attackId}`);
  return found;
}

function allObjects(): AttackObject[] {
  return ALL_KINDS.flatMap((kind) => graph.all(kind) as AttackObject[]);
}

describe('the vendored detection content', () => {
  it('has every rule and every test of the packed files', () => {
    expect(detections.rules).toHaveLength(sigmaFiles.length);
    expect(detections.tests).toHaveLength(atomicFiles.reduce((sum, file) => sum + atomicTestCount(file.text), 0));
  });

  it('lists on T1059.001 the rules tagged with it and the tests of its file', () => {
    const powershell = technique('T1059.001');
    const tagged = sigmaFiles.filter((file) => taggedIds(file.text).includes('T1059.001'));
    const tests = atomicTestCount(atomicFiles.find((file) => file.path === 'T1059.001/T1059.001.yaml')!.text);
    expect(tagged.length).toBeGreaterThan(100);
    expect(detections.rulesFor(powershell.id).map((rule) => rule.file).sort()).toEqual(tagged.map((file) => file.path).sort());
    expect(tests).toBe(22);
    expect(detections.testsFor(powershell.id)).toHaveLength(tests);
  });

  it('puts a rule tagged with a tactic name on the tactic: attack.execution on TA0002, attack.stealth on TA0005', () => {
    const execution = graph.byAttack('tactic', 'TA0002')!;
    const stealth = graph.byAttack('tactic', 'TA0005')!;
    const byTag = (tag: string) => sigmaFiles.filter((file) => new RegExp(`^\\s*-\\s*${tag.replace('.', '\\.')}\\s*$`, 'm').test(file.text)).map((file) => file.path);
    const onExecution = detections.rulesFor(execution.id).map((rule) => rule.file);
    const onStealth = detections.rulesFor(stealth.id).map((rule) => rule.file);
    expect(byTag('attack.execution').length).toBeGreaterThan(100);
    expect(onExecution).toEqual(expect.arrayContaining(byTag('attack.execution')));
    expect(onStealth).toEqual(expect.arrayContaining(byTag('attack.stealth')));
  });

  it('links an Atomic test to its technique and fills its command with the defaults on request', () => {
    const [page] = atomicPages(detections, graph, '/').filter((each) => each.path === '/atomics/T1059/001/');
    const mimikatz = page!.tests[0]!;
    expect(page!.technique?.href).toBe('/techniques/T1059/001/');
    expect(mimikatz.command?.html).toContain('<span class="placeholder">#{mimurl}</span>');
    expect(mimikatz.command?.filled).toContain("DownloadString('https://raw.githubusercontent.com/PowerShellMafia/");
    expect(fillDefaults('a #{x} #{y}', new Map([['x', '1']]))).toBe('a 1 #{y}');
  });

  it('pages the full lists of objects with more rules than their page shows', () => {
    const powershell = technique('T1059.001');
    const pages = objectRulesPages({ graph, detections, base: '/' }).filter((page) => page.path.startsWith('/sigma/techniques/T1059/001/'));
    const count = detections.rulesFor(powershell.id).length;
    expect(count).toBeGreaterThan(RULES_ON_OBJECT_PAGE);
    expect(pages.map((page) => page.path)).toEqual(Array.from({ length: Math.ceil(count / RULES_PER_PAGE) }, (_, index) => (index === 0 ? '/sigma/techniques/T1059/001/' : `/sigma/techniques/T1059/001/page-${index + 1}/`)));
    expect(pages.reduce((sum, page) => sum + page.rows.length, 0)).toBe(count);
  });
});

describe('Sigma tags', () => {
  function read(files: PackedFile[]) {
    const report = new ImportReport();
    const objects = allObjects();
    const rules = readSigmaRules(files, 'rules', new AttackTagResolver(new AttackLookup(objects), objects, '18.1', report), report);
    return { rules, report };
  }

  const rule = (id: string, tags: string[]) => `title: Rule ${id}\nid: ${id}\nlogsource:\n  product: windows\ndetection:\n  selection:\n    a: b\n  condition: selection\ntags:\n${tags.map((tag) => `  - ${tag}`).join('\n')}\n`;

  it('links a revoked id to its replacement, with a warning naming the file', () => {
    const revoked = graph.all('technique').find((each) => each.status === 'revoked' && each.revokedBy && graph.get(each.revokedBy)?.status === 'active')!;
    const { rules, report } = read([{ path: 'revoked.yml', text: rule('a1', [`attack.${revoked.attackId.toLowerCase()}`]) }]);
    expect(rules[0]!.mapped).toEqual([revoked.revokedBy]);
    expect(report.warnings).toEqual([expect.objectContaining({ source: 'rules/revoked.yml', message: expect.stringContaining(`${revoked.attackId} is revoked`) })]);
  });

  it('reads groups, software, old-style tactic names, and reports each unknown tag once', () => {
    const { rules, report } = read([
      { path: 'a.yml', text: rule('a1', ['attack.g0007', 'attack.s0154', 'attack.defense_evasion', 'attack.t9999', 'car.2016-04-005']) },
      { path: 'b.yml', text: rule('b1', ['attack.t9999']) },
    ]);
    expect(rules[0]!.mapped.map((id) => graph.get(id)!.attackId)).toEqual(['G0007', 'S0154', 'TA0005']);
    expect(rules[0]!.attack.map((tag) => tag.tag)).toEqual(['attack.g0007', 'attack.s0154', 'attack.defense_evasion', 'attack.t9999']);
    expect(report.warnings).toEqual([{ source: 'rules/a.yml', message: 'attack.t9999: names no object of ATT&CK 18.1 (2 rules; this file is the first)' }]);
  });

  it('leaves out broken YAML, a rule without an id and a second rule with a taken id, with warnings naming the files', () => {
    const { rules, report } = read([
      { path: 'broken.yml', text: 'title: [unclosed\nid: x' },
      { path: 'no-id.yml', text: 'title: No id\n' },
      { path: 'good.yml', text: rule('c1', []) },
      { path: 'twin.yml', text: rule('c1', []) },
      { path: 'bad-id.yml', text: rule('../x', []) },
    ]);
    expect(rules.map((each) => each.file)).toEqual(['good.yml']);
    expect(report.warnings.map((warning) => warning.source)).toEqual(['rules/broken.yml', 'rules/no-id.yml', 'rules/twin.yml', 'rules/bad-id.yml']);
    expect(report.warnings[0]!.message).toMatch(/^broken YAML/);
  });

  it('refuses an anchor bomb with a warning instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, index) => `${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [*${String.fromCharCode(97 + index)},*${String.fromCharCode(97 + index)},*${String.fromCharCode(97 + index)},*${String.fromCharCode(97 + index)},*${String.fromCharCode(97 + index)},*${String.fromCharCode(97 + index)},*${String.fromCharCode(97 + index)},*${String.fromCharCode(97 + index)},*${String.fromCharCode(97 + index)},*${String.fromCharCode(97 + index)}]`), 'id: bomb', 'title: Bomb'].join('\n');
    const { rules, report } = read([{ path: 'bomb.yml', text: bomb }]);
    expect(rules).toEqual([]);
    expect(report.warnings[0]).toMatchObject({ source: 'rules/bomb.yml', message: expect.stringMatching(/^broken YAML .*alias/i) });
  });
});

describe('Atomic files', () => {
  it('follows a revoked technique id to its replacement and leaves out a file that is not a technique file', () => {
    const revoked = graph.all('technique').find((each) => each.status === 'revoked' && each.revokedBy && graph.get(each.revokedBy)?.status === 'active')!;
    const report = new ImportReport();
    const test = `attack_technique: ${revoked.attackId}\ndisplay_name: Old\natomic_tests:\n- name: One\n  auto_generated_guid: 0d1f0e3c-1111-4aaa-8bbb-123456789abc\n  supported_platforms: [linux]\n  executor:\n    name: sh\n    command: echo #{x}\n`;
    const tests = readAtomicTests(
      [
        { path: `${revoked.attackId}/${revoked.attackId}.yaml`, text: test },
        { path: 'index.yaml', text: 'attack_technique: nothing\n' },
      ],
      'atomics',
      new AttackLookup(allObjects()),
      '18.1',
      report,
    );
    expect(tests.map((each) => each.technique)).toEqual([revoked.revokedBy]);
    expect(report.warnings.map((warning) => warning.source)).toEqual([`atomics/${revoked.attackId}/${revoked.attackId}.yaml`, 'atomics/index.yaml']);
  });
});

describe('YAML highlighting', () => {
  it('gives back the text exactly, escaped, with classes and no style', () => {
    const yaml = 'title: <script>alert(1)</script>\n# comment\ntags:\n  - "a"\ndescription: |\n  two\n  lines\n';
    const html = highlightYaml(yaml);
    expect(html).not.toMatch(/<script|style=/);
    expect(html).toContain('<span class="yaml-key">title</span>');
    expect(html).toContain('<span class="yaml-comment"># comment</span>');
    expect(html.replace(/<[^>]+>/g, '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&')).toBe(yaml);
  });
});

describe('coverage', () => {
  it('counts per technique what an independent reading of the sources finds', () => {
    const sigmaCounts = new Map<string, number>();
    for (const file of sigmaFiles) for (const id of taggedIds(file.text)) sigmaCounts.set(id, (sigmaCounts.get(id) ?? 0) + 1);
    const atomicCounts = new Map(atomicFiles.map((file) => [file.path.split('/')[0]!, atomicTestCount(file.text)]));
    const strategies = new Map<string, number>();
    for (const relationship of graph.collections.relationships) {
      const source = graph.get(relationship.source);
      const target = graph.get(relationship.target);
      if (relationship.type === 'detects' && source?.type === 'detectionstrategy' && source.status === 'active' && target) {
        strategies.set(target.attackId, (strategies.get(target.attackId) ?? 0) + 1);
      }
    }
    const rows = coverageRows({ graph, vault: new Vault([]), detections }, 'enterprise-attack');
    expect(rows.length).toBe(graph.active('technique', 'enterprise-attack').length);
    for (const { technique: each, counts } of rows) {
      expect([each.attackId, counts.sigma, counts.atomics, counts.detection]).toEqual([
        each.attackId,
        sigmaCounts.get(each.attackId) ?? 0,
        atomicCounts.get(each.attackId) ?? 0,
        strategies.get(each.attackId) ?? 0,
      ]);
    }
  });
});

describe('options', () => {
  it('reads the vendored detection content by default and leaves it out with --no-sigma and --no-atomics', async () => {
    expect(await parseOptions([])).toMatchObject({ sigma: DEFAULT_SIGMA, atomics: DEFAULT_ATOMICS });
    expect(await parseOptions(['--sigma', 'rules', '--no-atomics'])).toMatchObject({ sigma: 'rules', atomics: undefined });
    const none = await parseOptions(['--no-sigma', '--no-atomics']);
    expect([none.sigma, none.atomics]).toEqual([undefined, undefined]);
  });
});
