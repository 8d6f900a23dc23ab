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
  type CollectionName,
  type Domain,
} from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences } from '../references.ts';
import { withBase } from '../urls.ts';
import { nestTechniques, objectRow, type ObjectRow, type PageContext } from './common.ts';

export interface ListSection {
  section: CollectionName;
  type: AttackType;
  title: string;
  /** Lower-case plural for counts: "14 tactics". */
  plural: string;
  intro: string;
}

export const LIST_SECTIONS: ListSection[] = [
  {
    section: 'tactics',
    type: 'tactic',
    title: 'Tactics',
    plural: 'tactics',
    intro: 'Tactics are the adversary’s tactical goals: the reason for performing an action. They are the columns of the ATT&CK matrices.',
  },
  {
    section: 'techniques',
    type: 'technique',
    title: 'Techniques',
    plural: 'techniques',
    intro: 'Techniques are how an adversary achieves a tactical goal; sub-techniques describe more specific ways.',
  },
  {
    section: 'mitigations',
    type: 'mitigation',
    title: 'Mitigations',
    plural: 'mitigations',
    intro: 'Mitigations are security concepts and classes of technologies that can prevent a technique from succeeding.',
  },
];

export function listSection(section: string): ListSection {
  const found = LIST_SECTIONS.find((candidate) => candidate.section === section);
  if (!found) throw new Error(`no list section ${section}`);
  return found;
}

/** Domains that were loaded, in the usual order. */
export function loadedDomains(graph: AttackGraph): Domain[] {
  const loaded = new Set(graph.collections.releases.map((release) => release.domain));
  return DOMAINS.filter((domain) => loaded.has(domain));
}

/** Objects of the section in one domain, in the order the list shows them. */
export function listedObjects(graph: AttackGraph, { type }: ListSection, domain: Domain): AttackObject[] {
  const objects = graph.active(type, domain);
  if (type === 'technique') return nestTechniques(graph.active('technique', domain));
  if (type === 'tactic') return [...graph.active('tactic', domain)].sort((a, b) => a.order - b.order);
  return objects;
}

/** "216 techniques and 475 sub-techniques", "14 tactics" */
export function countText(objects: AttackObject[], { plural }: ListSection): string {
  const subs = objects.filter((object) => object.type === 'technique' && object.isSubtechnique).length;
  const main = objects.length - subs;
  return subs > 0 ? `${main} ${plural} and ${subs} sub-techniques` : `${main} ${plural}`;
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
    rows: objects.map((object) => objectRow(object, context)),
  };
}

export interface DomainSummary {
  label: string;
  href: string;
  countText: string;
}

export function domainSummaries(graph: AttackGraph, section: ListSection, base: string): DomainSummary[] {
  return loadedDomains(graph).map((domain) => ({
    label: DOMAIN_LABELS[domain],
    href: withBase(base, `/${section.section}/${DOMAIN_SLUGS[domain]}/`),
    countText: countText(listedObjects(graph, section, domain), section),
  }));
}
