/** Search: how queries and names are read, and the entries of object pages on the real vendored data. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackGraph } from '../../src/lib/graph.ts';
import { normalizeAttackId, normalizeName, queryWords } from '../../src/lib/search/exact.ts';
import { objectSearchEntry } from '../../src/lib/search/object-entry.ts';
import type { Kind } from '../../src/model/kinds.ts';
import { vendoredGraph } from '../helpers/vendored.ts';

describe('normalizeAttackId', () => {
  it.each([
    ['T1059.001', 'T1059.001'],
    ['t1059.001', 'T1059.001'],
    ['T1059/001', 'T1059.001'],
    ['T1059 001', 'T1059.001'],
    ['t1059-001', 'T1059.001'],
    ['T1059001', 'T1059.001'],
    ['  T1059  ', 'T1059'],
    ['ta0002', 'TA0002'],
    ['G0016', 'G0016'],
    ['s0002', 'S0002'],
    ['M1038', 'M1038'],
    ['C0024', 'C0024'],
    ['det0001', 'DET0001'],
    ['DC0001', 'DC0001'],
    ['DS0001', 'DS0001'],
    ['A0001', 'A0001'],
    ['an0001', 'AN0001'],
  ])('reads %j as %s', (typed, canonical) => {
    expect(normalizeAttackId(typed)).toBe(canonical);
  });

  it.each(['', 'powershell', 'T105', 'T10590', 'G0016.001', 'TA0002/001', 'X1234', 'T1059.01', 'T1059 powershell'])(
    'does not read %j as an id',
    (typed) => {
      expect(normalizeAttackId(typed)).toBeUndefined();
    },
  );
});

describe('normalizeName', () => {
  it('ignores case, punctuation, spacing and accents', () => {
    expect(normalizeName('  Cozy   Bear ')).toBe('cozy bear');
    expect(normalizeName('OS Credential Dumping: LSASS Memory')).toBe('os credential dumping lsass memory');
    expect(normalizeName('Café/Crème')).toBe('cafe creme');
    expect(normalizeName('?!')).toBe('');
  });

  it('leaves stop words out of a query unless it has nothing else', () => {
    expect(queryWords('Pass-the-Hash')).toEqual(['pass', 'hash']);
    expect(queryWords('exfiltration to cloud storage')).toEqual(['exfiltration', 'cloud', 'storage']);
    expect(queryWords('the')).toEqual(['the']);
  });
});

describe('object search entries on ATT&CK 18.1', () => {
  let graph: AttackGraph;

  beforeAll(async () => {
    graph = await vendoredGraph();
  });

  const entry = (type: Kind, attackId: string) => objectSearchEntry(graph.byAttack(type, attackId)!, graph);

  it('describes a sub-technique with its tactic and platforms', () => {
    expect(entry('technique', 'T1059.001')).toEqual({
      type: 'Technique',
      title: 'Command and Scripting Interpreter: PowerShell',
      id: 'T1059.001',
      parts: [],
      aliases: ['PowerShell'],
      filters: { domain: ['Enterprise'], tactic: ['Execution'], platform: ['Windows'] },
      order: 'T00001059.00000001',
    });
  });

  it('gives a group its aliases', () => {
    const apt29 = entry('group', 'G0016');
    expect(apt29.aliases).toEqual(expect.arrayContaining(['Cozy Bear', 'NOBELIUM', 'Midnight Blizzard']));
    expect(apt29.aliases).not.toContain('APT29');
  });

  it('gives a detection strategy the ids and platforms of its analytics, shown at their anchors', () => {
    const strategy = entry('detectionstrategy', 'DET0001');
    expect(strategy.parts).toContain('AN0001');
    expect(strategy.filters?.platform).toEqual(['IaaS']);
  });

  it('names the domains of objects in several', () => {
    expect(entry('group', 'G0007').filters?.domain).toEqual(['Enterprise', 'Mobile']);
  });
});
