/**
 * Building blocks of page data: links, ID-card rows and table rows. Page modules assemble these
 * into what their Astro page renders; rich texts arrive here already rendered to safe HTML.
 */
import { DOMAIN_LABELS, DOMAINS, type AttackObject, type Domain, type Technique } from '../../model/attack.ts';
import { KINDS, type ListedKind } from '../../model/kinds.ts';
import { byAttackId, type AttackGraph, type Related } from '../graph.ts';
import { href, paths, type SitePath } from '../paths.ts';
import type { PageReferences } from '../references.ts';
import { escapeHtml, renderRichText } from '../rich-text.ts';
import type { Detections } from '../detections.ts';
import type { HistoryIndex } from '../history.ts';
import type { Vault } from '../vault.ts';

export interface Link {
  text: string;
  href: string;
}

/** Already-safe HTML, for values that hold rendered rich text (citations). */
export interface Html {
  html: string;
}

/** Text shown as code: log source names, field names. */
export interface Code {
  code: string;
}

/** A value on an ID card or in a table cell: text, a link, safe HTML, code, or a list of them. */
export type CardValue = string | Link | Html | Code | (string | Link | Html | Code)[];

/** A row of a plain table; `id` makes the row a link target, `data` gives it data-* attributes. */
export interface TableRow {
  id?: string;
  data?: Record<string, string>;
  cells: CardValue[];
}

/** A domain's entry on an overview page: where its list is and how much it holds. */
export interface DomainSummary {
  label: string;
  href: string;
  countText: string;
}

export interface CardRow {
  label: string;
  value: CardValue;
  /** What the field means, shown beside its label (src/lib/pages/card-definitions.ts). */
  definition?: string;
}

/** A row of an "ID | Name | Description" table. */
export interface ObjectRow {
  attackId: string;
  name: string;
  href: string;
  descriptionHtml: string;
  domains?: string[];
  /** Values of the table's extra columns, in order. */
  cells?: CardValue[];
  /** Sub-technique rows are shown indented under their parent. */
  isSub?: boolean;
  /** A parent technique listed only to head its sub-techniques (it has no row of its own). */
  isHeading?: boolean;
  /** The description is the relationship's own text (how a group uses a technique): searchable on the page, at its row. */
  searchable?: boolean;
}

/** What data of a page is read from. */
export interface DataContext {
  graph: AttackGraph;
  vault: Vault;
  /** Every loaded release's view of each object; absent on frozen pages, which show one release only. */
  history?: HistoryIndex;
  /** Sigma rules and Atomic Red Team tests; none when absent. */
  detections?: Detections;
}

/** What a page is rendered with: its data, the base path, and its numbered references. */
export interface PageContext extends DataContext {
  base: string;
  references: PageReferences;
}

/** A link to a site path, under the base path. */
export function siteLink(path: SitePath, base: string, text: string): Link {
  return { text, href: href(base, path) };
}

export function linkTo(object: AttackObject, base: string, text = object.name): Link {
  return siteLink(object.path, base, text);
}

/** Sub-techniques read "Parent: Sub", as on attack.mitre.org. */
/** Links to the ATT&CK objects of these STIX ids, as "T1590.002 DNS"; ids not in the data are left out. */
export function attackLinks(ids: string[], graph: AttackGraph, base: string): Link[] {
  return ids.flatMap((id) => {
    const object = graph.get(id);
    return object ? [linkTo(object, base, `${object.attackId} ${object.name}`)] : [];
  });
}

/** A yes-or-no field as the ID card shows it; absent stays absent. */
export function yesNo(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : value ? 'Yes' : 'No';
}

export function displayName(object: AttackObject, graph: AttackGraph): string {
  if (object.type !== 'technique' || !object.parent) return object.name;
  const parent = graph.get(object.parent);
  return parent ? `${parent.name}: ${object.name}` : object.name;
}

/** Breadcrumbs to an object's list: Techniques › Enterprise. */
export function sectionTrail(kind: ListedKind, object: AttackObject, base: string): Link[] {
  const domain = object.domains[0]!;
  return [siteLink(paths.list(kind), base, KINDS[kind].labels.plural), siteLink(paths.list(kind, domain), base, DOMAIN_LABELS[domain])];
}

export function domainLabels(domains: Domain[]): string[] {
  return domains.map((domain) => DOMAIN_LABELS[domain]);
}

/** Card rows in order, leaving out those without a value. */
export function cardRows(rows: [label: string, value: CardValue | undefined][]): CardRow[] {
  return rows
    .filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([label, value]) => ({ label, value: value! }));
}

/** The rows every object's card ends with. */
export function provenanceRows(object: AttackObject): [string, CardValue | undefined][] {
  return [
    ['Contributors', object.contributors],
    ['Domains', domainLabels(object.domains)],
    ['Version', object.version],
    ['Created', formatDate(object.created)],
    ['Last Modified', formatDate(object.modified)],
  ];
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** `2020-01-14T17:18:32.126Z` → `14 January 2020` (UTC, so every build says the same). */
export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `2019-09-01T04:00:00.000Z` → `September 2019`, how ATT&CK gives first and last sightings. */
export function formatMonth(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Rows for the objects at the other end of some relationships, described by the relationship. */
export function relatedRows(related: Related[], context: PageContext, options: { showDomains?: boolean } = {}): ObjectRow[] {
  return [...Map.groupBy(related, ({ object }) => object.id).values()].map((uses) => {
    const domains = DOMAINS.filter((domain) => uses.some(({ relationship }) => relationship.domains.includes(domain)));
    return {
      ...objectRow(uses[0]!.object, context, ''),
      descriptionHtml: uses.map((use) => throughHtml(use, context) + context.references.render(use.relationship.description, use.relationship.references)).join(''),
      domains: options.showDomains ? domainLabels(domains) : undefined,
      searchable: true,
    };
  });
}

/** "Through campaign C0024 SolarWinds Compromise:" before a use that comes through a campaign. */
function throughHtml({ through }: Related, { base }: PageContext): string {
  if (!through) return '';
  return `<p class="through">Through campaign <a href="${escapeHtml(href(base, through.path))}">${escapeHtml(`${through.attackId} ${through.name}`)}</a>:</p>`;
}

/** A row for an object described by its own summary (no citations, so nothing is numbered). */
export function objectRow(object: AttackObject, { graph, base }: Pick<PageContext, 'graph' | 'base'>, descriptionHtml = renderRichText(object.summary, base)): ObjectRow {
  return {
    attackId: object.attackId,
    name: displayName(object, graph),
    href: href(base, object.path),
    descriptionHtml,
    isSub: object.type === 'technique' && object.isSubtechnique,
  };
}

/** Techniques in id order with each parent's listed sub-techniques right after it. */
export function nestTechniques(techniques: Technique[]): Technique[] {
  const included = new Set(techniques.map((technique) => technique.id));
  const parents = techniques.filter((technique) => !technique.parent || !included.has(technique.parent));
  const children = Map.groupBy(
    techniques.filter((technique) => technique.parent && included.has(technique.parent)),
    (technique) => technique.parent!,
  );
  return parents.sort(byAttackId).flatMap((parent) => [parent, ...(children.get(parent.id) ?? []).sort(byAttackId)]);
}

/** "216 techniques and 475 sub-techniques", "14 tactics", "700 software (617 malware, 83 tools)" */
export function countText(objects: AttackObject[], kind: ListedKind): string {
  const plural = KINDS[kind].labels.plural.toLowerCase();
  const count = (test: (object: AttackObject) => boolean) => objects.filter(test).length;
  const subs = count((object) => object.type === 'technique' && object.isSubtechnique);
  if (subs > 0) return `${objects.length - subs} ${plural} and ${subs} sub-techniques`;
  if (objects[0]?.type === 'software') {
    const malware = count((object) => object.type === 'software' && object.softwareType === 'malware');
    return `${objects.length} software (${malware} malware, ${objects.length - malware} tools)`;
  }
  return `${objects.length} ${plural}`;
}

