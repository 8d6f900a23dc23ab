/**
 * The ATT&CK matrices: for each loaded domain, its tactics as columns in matrix order and each
 * tactic's techniques as cells, with their sub-techniques; and the same matrix narrowed to one
 * platform (`/matrices/enterprise/windows/`). Each domain is assembled once, then filtered per view.
 */
import { DOMAIN_LABELS, DOMAIN_SLUGS, type Domain } from '../../model/attack.ts';
import { type Tactic, type Technique } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { href, paths, platformSlug, type SitePath } from '../paths.ts';
import { countText, type DomainSummary, type Link } from './common.ts';

export interface Platform {
  /** As the data spells it: "Network Devices". */
  label: string;
  /** As URLs spell it: "network-devices". */
  slug: string;
}

/** A technique, sub-technique or tactic as the matrix links to it. */
export interface MatrixEntry {
  attackId: string;
  name: string;
  href: string;
  /** On coverage matrices (src/lib/pages/coverage.ts): what covers the technique. */
  coverage?: MatrixCoverage;
}

/** A cell's coverage: the count from each source, in the sources' order, and how many sources have something. */
export interface MatrixCoverage {
  level: number;
  counts: number[];
  /** The counts as the cell shows them: "S12 A3". */
  text: string;
}

export interface MatrixCell extends MatrixEntry {
  subtechniques: MatrixEntry[];
  /** False for a parent that a platform view shows only because some of its sub-techniques apply. */
  inView: boolean;
}

export interface MatrixColumn {
  tactic: MatrixEntry;
  techniqueCount: number;
  subtechniqueCount: number;
  cells: MatrixCell[];
}

export interface MatrixViewLink extends Link {
  current: boolean;
}

export interface MatrixPage {
  /** The page's own path. */
  path: SitePath;
  domain: Domain;
  domainSlug: string;
  /** Undefined for the whole matrix. */
  platform: Platform | undefined;
  /** Undefined for the whole matrix. */
  platformSlug: string | undefined;
  heading: string;
  description: string;
  /** The paragraph under the heading. */
  lead: string;
  /** How to use the matrix on screen (left out on paper). */
  hint?: string;
  breadcrumbs: Link[];
  crumb: string;
  /** "216 techniques and 475 sub-techniques", each counted once however many columns show it. */
  countText: string;
  views: MatrixViewLink[];
  columns: MatrixColumn[];
  /** Explains the grey names, when some parent is shown only for its sub-techniques. */
  contextNote: string | undefined;
  /** The matrix's Navigator layer (src/exports/matrix-layer.ts), beside the page, and its link. */
  layer: { path: SitePath; href: string };
}

/** A technique of a column with the sub-techniques shown under it. */
interface PlacedTechnique {
  technique: Technique;
  subtechniques: Technique[];
  inView: boolean;
}

interface TacticColumn {
  tactic: Tactic;
  techniques: PlacedTechnique[];
}

/** Everything the pages of one domain's matrix are cut from. */
export interface DomainMatrix {
  domain: Domain;
  columns: TacticColumn[];
  platforms: Platform[];
}

/** ICS techniques carry the platform "None": it means no platform, so it gets no view. */
const NOT_A_PLATFORM = 'none';


export function domainMatrices(graph: AttackGraph): DomainMatrix[] {
  return graph.loadedDomains().map((domain) => domainMatrix(graph, domain));
}

export function domainMatrix(graph: AttackGraph, domain: Domain): DomainMatrix {
  const techniques = graph.active('technique', domain);
  const parents = techniques.filter((technique) => !technique.isSubtechnique).sort(byName);
  const columns = matrixTactics(graph, domain).map((tactic) => ({
    tactic,
    techniques: parents
      .filter((technique) => technique.tactics.includes(tactic.id))
      .map((technique) => ({
        technique,
        subtechniques: graph
          .subtechniquesOf(technique.id)
          .filter((sub) => sub.tactics.includes(tactic.id))
          .sort(byName),
        inView: true,
      })),
  }));
  return { domain, columns: columns.filter((column) => column.techniques.length > 0), platforms: platformsOf(techniques) };
}

/** Cells read alphabetically, as on attack.mitre.org: names are what a reader scans for. */
function byName(a: Technique, b: Technique): number {
  return a.name.localeCompare(b.name, 'en');
}

/** The active matrix's columns; without one, the domain's tactics by their column number. */
function matrixTactics(graph: AttackGraph, domain: Domain): Tactic[] {
  const matrix = graph.active('matrix', domain)[0];
  const tactics = matrix
    ? matrix.tactics.map((id) => graph.getOfType('tactic', id))
    : [...graph.active('tactic', domain)].sort((a, b) => a.order - b.order);
  return tactics.filter((tactic): tactic is Tactic => tactic?.status === 'active');
}

/** The platforms the techniques name, in alphabetical order, one per slug. */
function platformsOf(techniques: Technique[]): Platform[] {
  const bySlug = new Map<string, Platform>();
  for (const label of techniques.flatMap((technique) => technique.platforms)) {
    const slug = platformSlug(label);
    if (slug && slug !== NOT_A_PLATFORM && !bySlug.has(slug)) bySlug.set(slug, { label, slug });
  }
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

function appliesTo(technique: Technique, platform: Platform): boolean {
  return technique.platforms.some((label) => platformSlug(label) === platform.slug);
}

/**
 * The columns narrowed to a platform: a technique stays when it applies to the platform or when
 * some of its sub-techniques do (shown for their sake), with only those sub-techniques under it.
 */
function columnsForPlatform(columns: TacticColumn[], platform: Platform): TacticColumn[] {
  const narrowed = columns.map(({ tactic, techniques }) => ({
    tactic,
    techniques: techniques
      .map(({ technique, subtechniques }) => ({
        technique,
        subtechniques: subtechniques.filter((sub) => appliesTo(sub, platform)),
        inView: appliesTo(technique, platform),
      }))
      .filter(({ inView, subtechniques }) => inView || subtechniques.length > 0),
  }));
  return narrowed.filter((column) => column.techniques.length > 0);
}

/** The whole matrix and one page per platform, for every loaded domain. */
export function matrixPages(graph: AttackGraph, base: string): MatrixPage[] {
  return domainMatrices(graph).flatMap((matrix) => [
    matrixPage(matrix, undefined, base),
    ...matrix.platforms.map((platform) => matrixPage(matrix, platform, base)),
  ]);
}

export function matrixPage(matrix: DomainMatrix, platform: Platform | undefined, base: string): MatrixPage {
  const label = DOMAIN_LABELS[matrix.domain];
  const columns = platform ? columnsForPlatform(matrix.columns, platform) : matrix.columns;
  const description = matrixDescription(label, columns, platform);
  const matricesLink = { text: 'Matrices', href: href(base, paths.matrices()) };
  const layer = paths.matrixLayer(matrix.domain, platform?.slug);
  return {
    path: paths.matrix(matrix.domain, platform?.slug),
    domain: matrix.domain,
    domainSlug: DOMAIN_SLUGS[matrix.domain],
    platform,
    platformSlug: platform?.slug,
    heading: platform ? `${label} Matrix: ${platform.label}` : `${label} Matrix`,
    description,
    lead: description,
    hint: anyPlaced(columns, (placed) => placed.subtechniques.length > 0) ? 'Open a technique’s count to see its sub-techniques.' : undefined,
    breadcrumbs: platform ? [matricesLink, { text: label, href: viewHref(matrix, undefined, base) }] : [matricesLink],
    crumb: platform ? platform.label : label,
    countText: techniqueCountText(columns),
    views: matrixViews(matrix, base).map((view) => ({ ...view, current: view.slug === platform?.slug })),
    columns: columns.map((column) => matrixColumn(column, base)),
    contextNote:
      platform && anyPlaced(columns, (placed) => !placed.inView)
        ? `Techniques in grey do not list ${platform.label} themselves; they are shown for their sub-techniques.`
        : undefined,
    layer: { path: layer, href: href(base, layer) },
  };
}

function matrixDescription(label: string, columns: TacticColumn[], platform: Platform | undefined): string {
  const counts = techniqueCountText(columns);
  return platform
    ? `The ${label} ATT&CK matrix narrowed to ${platform.label}: ${columns.length} tactics with the ${counts} that apply to ${platform.label}.`
    : `The ${label} ATT&CK matrix: ${columns.length} tactics as columns, in matrix order, with ${counts}.`;
}

function anyPlaced(columns: TacticColumn[], test: (placed: PlacedTechnique) => boolean): boolean {
  return columns.some((column) => column.techniques.some(test));
}

/** "216 techniques and 475 sub-techniques": each counted once, although several columns may show it. */
function techniqueCountText(columns: TacticColumn[]): string {
  const unique = new Set<Technique>();
  for (const { technique, subtechniques, inView } of columns.flatMap((column) => column.techniques)) {
    if (inView) unique.add(technique);
    for (const sub of subtechniques) unique.add(sub);
  }
  return countText([...unique], 'technique');
}

function matrixColumn({ tactic, techniques }: TacticColumn, base: string): MatrixColumn {
  return {
    tactic: matrixEntry(tactic, base),
    techniqueCount: techniques.filter((placed) => placed.inView).length,
    subtechniqueCount: techniques.reduce((sum, placed) => sum + placed.subtechniques.length, 0),
    cells: techniques.map(({ technique, subtechniques, inView }) => ({
      ...matrixEntry(technique, base),
      subtechniques: subtechniques.map((sub) => matrixEntry(sub, base)),
      inView,
    })),
  };
}

function matrixEntry({ attackId, name, path }: Tactic | Technique, base: string): MatrixEntry {
  return { attackId, name, href: href(base, path) };
}

interface MatrixView extends Link {
  /** Undefined for the whole matrix. */
  slug: string | undefined;
}

/** The whole matrix first, then each platform. */
function matrixViews(matrix: DomainMatrix, base: string): MatrixView[] {
  return [
    { text: 'All platforms', slug: undefined, href: viewHref(matrix, undefined, base) },
    ...matrix.platforms.map((platform) => ({ text: platform.label, slug: platform.slug, href: viewHref(matrix, platform, base) })),
  ];
}

function viewHref({ domain }: DomainMatrix, platform: Platform | undefined, base: string): string {
  return href(base, paths.matrix(domain, platform?.slug));
}

export interface MatrixIndexEntry {
  summary: DomainSummary;
  /** Links to the platform views. */
  platforms: Link[];
}

/** `/matrices/`: each domain's matrix with its counts, and its platform views. */
export function matrixIndex(graph: AttackGraph, base: string): MatrixIndexEntry[] {
  return domainMatrices(graph).map((matrix) => ({
    summary: {
      label: DOMAIN_LABELS[matrix.domain],
      href: viewHref(matrix, undefined, base),
      countText: `${matrix.columns.length} tactics, ${techniqueCountText(matrix.columns)}`,
    },
    platforms: matrixViews(matrix, base).filter((view) => view.slug !== undefined),
  }));
}
