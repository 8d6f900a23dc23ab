/**
 * The list pages of each section: `/techniques/` (an overview of the domains) and
 * `/techniques/enterprise/` (every active object of the domain, in a table).
 */
import {
  DOMAINS,
  DOMAIN_LABELS,
  DOMAIN_SLUGS,
  type AttackObject,
  type AttackType,
  type Domain,
} from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences } from '../references.ts';
import { withBase } from '../urls.ts';
import {
  formatMonth,
  linkTo,
  nestTechniques,
  objectRow,
  SECTION_TITLES,
  type CardValue,
  type ObjectRow,
  type PageContext,
} from './common.ts';

/** A column of a list table beyond ID, name and description. */
interface ListColumn {
  header: string;
  value: (object: AttackObject, context: PageContext) => CardValue;
}

export interface ListSection {
  section: keyof typeof SECTION_TITLES;
  type: AttackType;
  title: string;
  intro: string;
  columns: ListColumn[];
  /** Detection strategies have no descriptions, so their lists leave the column out. */
  showDescription: boolean;
}

const aliasNames = (object: AttackObject) => ('aliases' in object ? object.aliases.map((alias) => alias.name) : []);

function section(
  type: AttackType,
  sectionName: ListSection['section'],
  intro: string,
  options: Partial<Pick<ListSection, 'columns' | 'showDescription'>> = {},
): ListSection {
  return {
    section: sectionName,
    type,
    title: SECTION_TITLES[sectionName],
    intro,
    columns: options.columns ?? [],
    showDescription: options.showDescription ?? true,
  };
}

export const LIST_SECTIONS: ListSection[] = [
  section('tactic', 'tactics', 'Tactics are the adversary’s tactical goals: the reason for performing an action. They are the columns of the ATT&CK matrices.'),
  section('technique', 'techniques', 'Techniques are how an adversary achieves a tactical goal; sub-techniques describe more specific ways.'),
  section('mitigation', 'mitigations', 'Mitigations are security concepts and classes of technologies that can prevent a technique from succeeding.'),
  section('group', 'groups', 'Groups are activity clusters tracked under a common name by the security community.', {
    columns: [{ header: 'Associated Groups', value: aliasNames }],
  }),
  section('software', 'software', 'Software is custom or commercial code, operating system utilities and open-source tools used by adversaries: malware and tools.', {
    columns: [
      { header: 'Type', value: (object) => (object.type === 'software' ? (object.softwareType === 'malware' ? 'Malware' : 'Tool') : '') },
      { header: 'Associated Software', value: aliasNames },
    ],
  }),
  section('campaign', 'campaigns', 'Campaigns are groupings of intrusion activity over a period of time with common targets and objectives.', {
    columns: [
      { header: 'First Seen', value: (object) => (object.type === 'campaign' ? (formatMonth(object.firstSeen) ?? '') : '') },
      { header: 'Last Seen', value: (object) => (object.type === 'campaign' ? (formatMonth(object.lastSeen) ?? '') : '') },
    ],
  }),
  section('detectionstrategy', 'detectionstrategies', 'Detection strategies describe how to detect a technique, through analytics for each platform.', {
    columns: [
      {
        header: 'Techniques Detected',
        value: (object, { graph, base }) =>
          graph.from(object.id, 'detects').map(({ object: technique }) => linkTo(technique, base, technique.attackId)),
      },
    ],
    showDescription: false,
  }),
  section('datacomponent', 'datacomponents', 'Data components are the specific properties or values of a data source that analytics read, through log sources.'),
  section('asset', 'assets', 'Assets are the devices and systems of industrial control environments that techniques target.', {
    columns: [{ header: 'Sectors', value: (object) => (object.type === 'asset' ? object.sectors : []) }],
  }),
];

export function listSection(name: string): ListSection {
  const found = LIST_SECTIONS.find((candidate) => candidate.section === name);
  if (!found) throw new Error(`no list section ${name}`);
  return found;
}

/** Domains that were loaded, in the usual order. */
export function loadedDomains(graph: AttackGraph): Domain[] {
  const loaded = new Set(graph.collections.releases.map((release) => release.domain));
  return DOMAINS.filter((domain) => loaded.has(domain));
}

/** Domains with at least one active object of the section (ICS alone has assets). */
export function sectionDomains(graph: AttackGraph, section: ListSection): Domain[] {
  return loadedDomains(graph).filter((domain) => graph.active(section.type, domain).length > 0);
}

/** Objects of the section in one domain, in the order the list shows them. */
export function listedObjects(graph: AttackGraph, { type }: ListSection, domain: Domain): AttackObject[] {
  if (type === 'technique') return nestTechniques(graph.active('technique', domain));
  if (type === 'tactic') return [...graph.active('tactic', domain)].sort((a, b) => a.order - b.order);
  return graph.active(type, domain);
}

/** "216 techniques and 475 sub-techniques", "14 tactics", "700 software (617 malware, 83 tools)" */
export function countText(objects: AttackObject[], { title }: ListSection): string {
  const plural = title.toLowerCase();
  const count = (test: (object: AttackObject) => boolean) => objects.filter(test).length;
  const subs = count((object) => object.type === 'technique' && object.isSubtechnique);
  if (subs > 0) return `${objects.length - subs} ${plural} and ${subs} sub-techniques`;
  if (objects[0]?.type === 'software') {
    const malware = count((object) => object.type === 'software' && object.softwareType === 'malware');
    return `${objects.length} software (${malware} malware, ${objects.length - malware} tools)`;
  }
  return `${objects.length} ${plural}`;
}

export interface DomainListPage {
  heading: string;
  domainLabel: string;
  countText: string;
  rows: ObjectRow[];
}

export function domainListPage(graph: AttackGraph, section: ListSection, domain: Domain, base: string): DomainListPage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  const objects = listedObjects(graph, section, domain);
  return {
    heading: `${DOMAIN_LABELS[domain]} ${section.title}`,
    domainLabel: DOMAIN_LABELS[domain],
    countText: countText(objects, section),
    rows: objects.map((object) => ({
      ...objectRow(object, context),
      cells: section.columns.map((column) => column.value(object, context)),
    })),
  };
}

export interface DomainSummary {
  label: string;
  href: string;
  countText: string;
}

export function domainSummaries(graph: AttackGraph, section: ListSection, base: string): DomainSummary[] {
  return sectionDomains(graph, section).map((domain) => ({
    label: DOMAIN_LABELS[domain],
    href: withBase(base, `/${section.section}/${DOMAIN_SLUGS[domain]}/`),
    countText: countText(listedObjects(graph, section, domain), section),
  }));
}
