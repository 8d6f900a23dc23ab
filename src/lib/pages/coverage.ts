/**
 * Coverage: for each technique of a domain, what the team has for it from each source (its
 * procedures, its notes, Sigma rules, Atomic tests, and ATT&CK's own detection strategies). The
 * matrix shades each cell by how many sources cover the technique, the table lists the counts,
 * and the same rows make the CSV and the Navigator layer, so that all of them agree.
 */
import { DOMAIN_LABELS, DOMAIN_SLUGS, type Domain, type Technique } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { href, paths, type SitePath } from '../paths.ts';
import { countText, displayName, linkTo, siteLink, type DataContext, type DomainSummary, type Link, type TableRow } from './common.ts';
import { domainMatrix, matrixPage, type MatrixColumn, type MatrixEntry } from './matrix.ts';

export const COVERAGE_SOURCES = [
  { key: 'procedures', label: 'Team procedures', letter: 'P', anchor: 'team-procedures' },
  { key: 'notes', label: 'Team notes', letter: 'N', anchor: 'team-notes' },
  { key: 'sigma', label: 'Sigma rules', letter: 'S', anchor: 'sigma-rules' },
  { key: 'atomics', label: 'Atomic tests', letter: 'A', anchor: 'atomic-tests' },
  { key: 'detection', label: 'ATT&CK detection strategies', letter: 'D', anchor: 'detection' },
] as const;

export type CoverageSource = (typeof COVERAGE_SOURCES)[number]['key'];
export type CoverageCounts = Record<CoverageSource, number>;

export interface CoverageRow {
  technique: Technique;
  counts: CoverageCounts;
  /** How many sources have anything for the technique. */
  sources: number;
}

/** What each source has for the technique. */
export function coverageCounts(technique: Technique, { graph, vault, detections }: DataContext): CoverageCounts {
  return {
    procedures: vault.proceduresFor(technique.id).length,
    notes: vault.notesAbout(technique.id).length,
    sigma: detections?.rulesFor(technique.id).length ?? 0,
    atomics: detections?.testsFor(technique.id).length ?? 0,
    detection: graph.to(technique.id, 'detects').filter(({ object }) => object.type === 'detectionstrategy' && object.status === 'active').length,
  };
}

/** Every active technique of the domain in id order, with its counts. */
export function coverageRows(data: DataContext, domain: Domain): CoverageRow[] {
  return data.graph.active('technique', domain).map((technique) => {
    const counts = coverageCounts(technique, data);
    return { technique, counts, sources: sourceCount(counts) };
  });
}

function sourceCount(counts: CoverageCounts): number {
  return COVERAGE_SOURCES.filter(({ key }) => counts[key] > 0).length;
}

/** "S12 A3 D2": the sources that have something, by their letter. */
export function coverageText(counts: CoverageCounts): string {
  return COVERAGE_SOURCES.filter(({ key }) => counts[key] > 0)
    .map(({ key, letter }) => `${letter}${counts[key]}`)
    .join(' ');
}

export interface CoveragePage {
  domain: Domain;
  heading: string;
  lead: string;
  breadcrumbs: Link[];
  columns: MatrixColumn[];
  /** Level | Label, from no source to every source. */
  legend: { level: number; label: string; techniques: number }[];
  /** The count of techniques each source covers. */
  totals: { key: CoverageSource; label: string; letter: string; techniques: number }[];
  table: Link;
  csv: Link;
  layer: Link;
}

export function coveragePage(data: DataContext & { base: string }, domain: Domain): CoveragePage {
  const { graph, base } = data;
  const rows = coverageRows(data, domain);
  const byAttackId = new Map(rows.map((row) => [row.technique.attackId, row]));
  const cover = (entry: MatrixEntry): MatrixEntry => {
    const row = byAttackId.get(entry.attackId);
    return row ? { ...entry, coverage: { level: row.sources, counts: COVERAGE_SOURCES.map(({ key }) => row.counts[key]), text: coverageText(row.counts) } } : entry;
  };
  const matrix = matrixPage(domainMatrix(graph, domain), undefined, base);
  const label = DOMAIN_LABELS[domain];
  return {
    domain,
    heading: `${label} Coverage`,
    lead: `How much of the ${label} matrix the team covers: each technique is shaded by how many sources have something for it, with the count from each source (${COVERAGE_SOURCES.map(({ letter, label: name }) => `${letter}: ${name}`).join(', ')}).`,
    breadcrumbs: [siteLink(paths.coverage(), base, 'Coverage')],
    columns: matrix.columns.map((column) => ({
      ...column,
      cells: column.cells.map((cell) => ({ ...cover(cell), subtechniques: cell.subtechniques.map(cover), inView: cell.inView })),
    })),
    legend: Array.from({ length: COVERAGE_SOURCES.length + 1 }, (_, level) => ({
      level,
      label: level === 0 ? 'No source' : `${level} source${level === 1 ? '' : 's'}`,
      techniques: rows.filter((row) => row.sources === level).length,
    })),
    totals: COVERAGE_SOURCES.map(({ key, label: name, letter }) => ({ key, label: name, letter, techniques: rows.filter((row) => row.counts[key] > 0).length })),
    table: siteLink(paths.coverageTable(domain), base, `${label} coverage table`),
    csv: siteLink(paths.coverageCsv(domain), base, `${DOMAIN_SLUGS[domain]}-coverage.csv`),
    layer: siteLink(paths.coverageLayer(domain), base, `${DOMAIN_SLUGS[domain]}-coverage-layer.json`),
  };
}

export const COVERAGE_TABLE_HEADERS = ['ID', 'Technique', ...COVERAGE_SOURCES.map(({ label }) => label), 'Sources'];

/** ID | Technique | a count per source (linked to that part of the technique's page) | Sources */
export function coverageTableRows(data: DataContext & { base: string }, domain: Domain): TableRow[] {
  const { graph, base } = data;
  return coverageRows(data, domain).map(({ technique, counts, sources }) => ({
    cells: [
      linkTo(technique, base, technique.attackId),
      displayName(technique, graph),
      ...COVERAGE_SOURCES.map(({ key, anchor }) => (counts[key] > 0 ? { text: String(counts[key]), href: href(base, paths.anchor(technique.path, anchor)) } : '0')),
      String(sources),
    ],
  }));
}

/** The CSV's columns and rows: the table's, with tactics and the page's address. */
export function coverageCsvRows(data: DataContext, domain: Domain, siteAddress: (path: SitePath) => string): string[][] {
  const header = ['ID', 'Technique', 'Tactics', ...COVERAGE_SOURCES.map(({ label }) => label), 'Sources', 'URL'];
  const rows = coverageRows(data, domain).map(({ technique, counts, sources }) => [
    technique.attackId,
    displayName(technique, data.graph),
    tacticNames(technique, data.graph),
    ...COVERAGE_SOURCES.map(({ key }) => String(counts[key])),
    String(sources),
    siteAddress(technique.path),
  ]);
  return [header, ...rows];
}

function tacticNames(technique: Technique, graph: AttackGraph): string {
  return technique.tactics.flatMap((id) => graph.get(id)?.name ?? []).join(', ');
}

/** `/coverage/`: each loaded domain with how many of its techniques something covers. */
export function coverageIndex(data: DataContext & { base: string }): DomainSummary[] {
  return data.graph.loadedDomains().map((domain) => {
    const rows = coverageRows(data, domain);
    const covered = rows.filter((row) => row.sources > 0).map((row) => row.technique);
    return {
      label: DOMAIN_LABELS[domain],
      href: href(data.base, paths.coverage(domain)),
      countText: `${countText(covered, 'technique')} covered, of ${rows.length}`,
    };
  });
}
