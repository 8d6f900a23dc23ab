/** The matrix pages' data on the real vendored ATT&CK 18.1 data. */
import { beforeAll, describe, expect, it } from 'vitest';
import { AttackGraph } from '../../src/lib/graph.ts';
import { domainMatrix, matrixIndex, matrixPage, matrixPages, type MatrixPage } from '../../src/lib/pages/matrix.ts';
import { platformSlug } from '../../src/lib/paths.ts';
import { techniquesOfTactic } from '../../src/sections/techniques.ts';
import { vendoredGraph } from '../helpers/vendored.ts';

let graph: AttackGraph;
let pages: MatrixPage[];

beforeAll(async () => {
  graph = await vendoredGraph();
  pages = matrixPages(graph, '/wiki/');
});

function page(domainSlug: string, platformSlug?: string): MatrixPage {
  const found = pages.find((candidate) => candidate.domainSlug === domainSlug && candidate.platformSlug === platformSlug);
  if (!found) throw new Error(`no matrix page ${domainSlug}/${platformSlug ?? ''}`);
  return found;
}

function column(matrix: MatrixPage, tacticName: string) {
  const found = matrix.columns.find((candidate) => candidate.tactic.name === tacticName);
  if (!found) throw new Error(`no column ${tacticName}`);
  return found;
}

function cellIds(matrix: MatrixPage): string[] {
  return matrix.columns.flatMap((candidate) => candidate.cells.map((cell) => cell.attackId));
}

function subtechniqueIds(matrix: MatrixPage): string[] {
  return matrix.columns.flatMap((candidate) => candidate.cells.flatMap((cell) => cell.subtechniques.map((sub) => sub.attackId)));
}

describe('platform slugs', () => {
  it('are lower case with dashes', () => {
    expect(platformSlug('Network Devices')).toBe('network-devices');
    expect(platformSlug('Identity Provider')).toBe('identity-provider');
    expect(platformSlug('macOS')).toBe('macos');
    expect(platformSlug('PRE')).toBe('pre');
  });
});

describe('the Enterprise matrix', () => {
  it('has the 14 tactics in matrix order, each a link to its page', () => {
    const enterprise = page('enterprise');
    expect(enterprise.columns).toHaveLength(14);
    expect(enterprise.columns[0]!.tactic).toEqual({ attackId: 'TA0043', name: 'Reconnaissance', href: '/wiki/tactics/TA0043/' });
    expect(enterprise.columns.at(-1)!.tactic.name).toBe('Impact');
    expect(enterprise.columns.map((candidate) => candidate.tactic.name).slice(2, 5)).toEqual([
      'Initial Access',
      'Execution',
      'Persistence',
    ]);
  });

  it('counts in each column the techniques and sub-techniques of its tactic', () => {
    for (const { tactic, techniqueCount, subtechniqueCount, cells } of page('enterprise').columns) {
      const ofTactic = techniquesOfTactic(graph, graph.byAttack('tactic', tactic.attackId)!);
      expect(techniqueCount, tactic.name).toBe(ofTactic.filter((technique) => !technique.isSubtechnique).length);
      expect(subtechniqueCount, tactic.name).toBe(ofTactic.filter((technique) => technique.isSubtechnique).length);
      expect(cells).toHaveLength(techniqueCount);
    }
  });

  it('puts T1059 in Execution with its sub-techniques, each a link to its page', () => {
    const t1059 = column(page('enterprise'), 'Execution').cells.find((cell) => cell.attackId === 'T1059')!;
    expect(t1059.name).toBe('Command and Scripting Interpreter');
    expect(t1059.href).toBe('/wiki/techniques/T1059/');
    expect(t1059.subtechniques.length).toBe(graph.subtechniquesOf(graph.byAttack('technique', 'T1059')!.id).length);
    expect(t1059.subtechniques).toContainEqual({ attackId: 'T1059.001', name: 'PowerShell', href: '/wiki/techniques/T1059/001/' });
  });

  it('shows a technique of several tactics in each of their columns', () => {
    const validAccounts = page('enterprise').columns.filter((candidate) =>
      candidate.cells.some((cell) => cell.attackId === 'T1078'),
    );
    expect(validAccounts.map((candidate) => candidate.tactic.name)).toEqual([
      'Initial Access',
      'Persistence',
      'Privilege Escalation',
      'Defense Evasion',
    ]);
  });

  it('lists cells by name and counts each technique once in the page total', () => {
    const names = column(page('enterprise'), 'Reconnaissance').cells.map((cell) => cell.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(page('enterprise').countText).toBe('216 techniques and 475 sub-techniques');
  });

  it('offers the whole matrix and a view per platform, marking the current one', () => {
    const views = page('enterprise').views;
    expect(views[0]).toEqual({ text: 'All platforms', slug: undefined, href: '/wiki/matrices/enterprise/', current: true });
    expect(views.map((view) => view.text)).toEqual(
      expect.arrayContaining(['Windows', 'Linux', 'macOS', 'PRE', 'Network Devices', 'Identity Provider', 'Office Suite']),
    );
    expect(views.find((view) => view.text === 'Network Devices')?.href).toBe('/wiki/matrices/enterprise/network-devices/');
    expect(page('enterprise', 'windows').views.filter((view) => view.current).map((view) => view.text)).toEqual(['Windows']);
  });

  it('has a title, description and breadcrumbs', () => {
    const enterprise = page('enterprise');
    expect(enterprise.heading).toBe('Enterprise Matrix');
    expect(enterprise.description).toContain('14 tactics');
    expect(enterprise.breadcrumbs).toEqual([{ text: 'Matrices', href: '/wiki/matrices/' }]);
    expect(enterprise.crumb).toBe('Enterprise');
  });
});

describe('a platform view', () => {
  it('keeps the techniques and sub-techniques of the platform only', () => {
    const windows = page('enterprise', 'windows');
    expect(cellIds(windows)).not.toContain('T1595');
    expect(cellIds(windows)).toContain('T1059');
    expect(subtechniqueIds(windows)).toContain('T1059.001');
    expect(subtechniqueIds(windows)).not.toContain('T1059.004');
    expect(windows.columns.map((candidate) => candidate.tactic.name)).not.toContain('Reconnaissance');
    for (const attackId of [...cellIds(windows), ...subtechniqueIds(windows)]) {
      const technique = graph.byAttack('technique', attackId)!;
      const inView = windows.columns.flatMap((candidate) => candidate.cells).find((cell) => cell.attackId === attackId)?.inView;
      if (inView !== false) expect(technique.platforms, attackId).toContain('Windows');
    }
  });

  it('shows a parent that lacks the platform when some of its sub-techniques have it, marked as context', () => {
    const saas = page('enterprise', 'saas');
    const t1059 = column(saas, 'Execution').cells.find((cell) => cell.attackId === 'T1059')!;
    expect(graph.byAttack('technique', 'T1059')!.platforms).not.toContain('SaaS');
    expect(t1059.inView).toBe(false);
    expect(t1059.subtechniques.map((sub) => sub.attackId)).toEqual(['T1059.009']);
    expect(column(saas, 'Execution').techniqueCount).toBe(column(saas, 'Execution').cells.filter((cell) => cell.inView).length);
    expect(saas.contextNote).toContain('SaaS');
    expect(page('enterprise', 'windows').contextNote).toBeUndefined();
  });

  it('leaves out the tactics without a technique for the platform', () => {
    expect(page('enterprise', 'pre').columns.map((candidate) => candidate.tactic.name)).toEqual([
      'Reconnaissance',
      'Resource Development',
    ]);
  });

  it('has breadcrumbs through its domain', () => {
    const windows = page('enterprise', 'windows');
    expect(windows.heading).toBe('Enterprise Matrix: Windows');
    expect(windows.breadcrumbs.map((link) => link.text)).toEqual(['Matrices', 'Enterprise']);
    expect(windows.breadcrumbs[1]!.href).toBe('/wiki/matrices/enterprise/');
    expect(windows.crumb).toBe('Windows');
  });
});

describe('the Mobile and ICS matrices', () => {
  it('give Mobile an Android and an iOS view', () => {
    expect(domainMatrix(graph, 'mobile-attack').platforms).toEqual([
      { label: 'Android', slug: 'android' },
      { label: 'iOS', slug: 'ios' },
    ]);
    expect(cellIds(page('mobile', 'ios')).length).toBeLessThan(cellIds(page('mobile')).length);
  });

  it('give ICS its 12 tactics and no view for the placeholder platform "None"', () => {
    expect(page('ics').columns).toHaveLength(12);
    expect(page('ics').columns[0]!.tactic.name).toBe('Initial Access');
    expect(page('ics').views.map((view) => view.text)).toEqual(['All platforms']);
    expect(page('ics').lead).toBe(page('ics').description);
    expect(page('ics').hint).toBeUndefined();
    expect(page('enterprise').hint).toContain('sub-techniques.');
    expect(pages.filter((candidate) => candidate.domainSlug === 'ics')).toHaveLength(1);
  });

  it('falls back to the tactics in column order when a domain has no active matrix', () => {
    const withoutMatrices = new AttackGraph({ ...graph.collections, matrices: [] });
    const ics = matrixPage(domainMatrix(withoutMatrices, 'ics-attack'), undefined, '/');
    expect(ics.columns.map((candidate) => candidate.tactic.name)).toEqual(page('ics').columns.map((candidate) => candidate.tactic.name));
  });
});

describe('the matrix index', () => {
  it('links each domain matrix with its counts and platform views', () => {
    const index = matrixIndex(graph, '/wiki/');
    expect(index.map((entry) => entry.summary.label)).toEqual(['Enterprise', 'Mobile', 'ICS']);
    expect(index[0]!.summary).toEqual({
      label: 'Enterprise',
      href: '/wiki/matrices/enterprise/',
      countText: '14 tactics, 216 techniques and 475 sub-techniques',
    });
    expect(index[1]!.platforms.map((link) => link.href)).toEqual(['/wiki/matrices/mobile/android/', '/wiki/matrices/mobile/ios/']);
    expect(index[2]!.platforms).toEqual([]);
  });
});
