/** Search: exact-match keys, result order, and the entries of object pages on the real vendored data. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackGraph } from '../../src/lib/graph.ts';
import { exactFilters, exactQueryFilter, normalizeAttackId, normalizeName } from '../../src/lib/search/exact.ts';
import { objectSearchEntry } from '../../src/lib/search/object-entry.ts';
import { exactMatchesFirst, resultUrl } from '../../src/lib/search/results.ts';
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
});

describe('exact-match keys', () => {
  it('gives a page its ids and its short names', () => {
    const filters = exactFilters({
      type: 'Technique',
      title: 'Command and Scripting Interpreter: PowerShell',
      id: 'T1059.001',
      exactIds: ['T1086'],
      aliases: ['PowerShell', 'PowerShell'],
    });
    expect(filters).toEqual({
      exact_id: ['T1059.001', 'T1086'],
      exact_name: ['command and scripting interpreter powershell', 'powershell'],
    });
  });

  it('leaves long descriptive titles to the text search', () => {
    const filters = exactFilters({ type: 'Detection Strategy', title: 'Detection of Credential Dumping from LSASS Memory via Access', id: 'DET0363' });
    expect(filters.exact_name).toEqual([]);
  });

  it('looks a query up as an id when it has the shape of one, and always as a name', () => {
    expect(exactQueryFilter('t1059/001')).toEqual({ any: [{ exact_id: 'T1059.001' }, { exact_name: 't1059 001' }] });
    expect(exactQueryFilter('Cozy Bear')).toEqual({ any: [{ exact_name: 'cozy bear' }] });
    expect(exactQueryFilter('  ')).toBeUndefined();
  });

  it('finds a query by the key its page was given', () => {
    const filters = exactFilters({ type: 'Group', title: 'APT29', id: 'G0016', exactIds: ['G0118'], aliases: ['Cozy Bear'] });
    for (const query of ['g0118', 'G0016', 'cozy  BEAR', 'apt29']) {
      const clauses = exactQueryFilter(query)!.any;
      expect(clauses.some((clause) => Object.entries(clause).some(([name, key]) => filters[name]!.includes(key)))).toBe(true);
    }
  });
});

describe('result order', () => {
  const result = (id: string) => ({ id });

  it('puts exact matches first, in text order, then the other text matches', () => {
    const exact = [result('b'), result('x'), result('d')];
    const text = [result('a'), result('d'), result('b'), result('c')];
    expect(exactMatchesFirst(exact, text).map((each) => each.id)).toEqual(['d', 'b', 'x', 'a', 'c']);
  });

  it('keeps the text result of a page found both ways', () => {
    const textResult = { id: 'a', excerpt: 'with <mark>match</mark>' };
    expect(exactMatchesFirst([{ id: 'a', excerpt: '' }], [textResult])).toEqual([textResult]);
  });

  it('lands on the anchor of a typed id that the page shows as a part', () => {
    expect(resultUrl('/wiki/detectionstrategies/DET0001/', ['AN0001', 'references'], 'AN0001')).toBe(
      '/wiki/detectionstrategies/DET0001/#AN0001',
    );
    expect(resultUrl('/wiki/techniques/T1027/005/', [], 'T1066')).toBe('/wiki/techniques/T1027/005/');
    expect(resultUrl('/wiki/groups/G0016/', ['AN0001'], undefined)).toBe('/wiki/groups/G0016/');
  });
});

describe('object search entries on ATT&CK 18.1', () => {
  let graph: AttackGraph;

  beforeAll(async () => {
    graph = await vendoredGraph();
  });

  const entry = (type: Kind, attackId: string) => objectSearchEntry(graph.byAttack(type, attackId)!, graph);

  it('describes a sub-technique with its tactic, platforms and the revoked id it replaced', () => {
    expect(entry('technique', 'T1059.001')).toEqual({
      type: 'Technique',
      title: 'Command and Scripting Interpreter: PowerShell',
      id: 'T1059.001',
      exactIds: ['T1086'],
      aliases: ['PowerShell'],
      filters: { domain: ['Enterprise'], tactic: ['Execution'], platform: ['Windows'] },
      order: 'T00001059.00000001',
    });
    expect(entry('technique', 'T1027.005').exactIds).toContain('T1066');
  });

  it('gives a group its aliases and the ids of the groups merged into it', () => {
    const apt29 = entry('group', 'G0016');
    expect(apt29.aliases).toEqual(expect.arrayContaining(['Cozy Bear', 'NOBELIUM', 'Midnight Blizzard']));
    expect(apt29.aliases).not.toContain('APT29');
    expect(apt29.exactIds).toEqual(['G0118']);
  });

  it('gives a detection strategy the ids and platforms of its analytics', () => {
    const strategy = entry('detectionstrategy', 'DET0001');
    expect(strategy.exactIds).toContain('AN0001');
    expect(strategy.filters?.platform).toEqual(['IaaS']);
  });

  it('names the domains of objects in several', () => {
    expect(entry('group', 'G0007').filters?.domain).toEqual(['Enterprise', 'Mobile']);
  });
});
