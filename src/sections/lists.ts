/**
 * The list pages of each kind with lists (src/model/kinds.ts): `/techniques/` (an overview of the
 * domains) and `/techniques/enterprise/` (every active object of the domain, in a table, with the
 * columns the kind's page definition names).
 */
import type { AttackGraph } from '../lib/graph.ts';
import { countText, domainLabels, nestTechniques, objectRow, siteLink, type DomainSummary, type ObjectRow, type PageContext } from '../lib/pages/common.ts';
import { paths } from '../lib/paths.ts';
import { DOMAIN_LABELS, type AttackObject, type Domain, type ObjectOf } from '../model/attack.ts';
import { KINDS, type ListedKind } from '../model/kinds.ts';
import { OBJECT_PAGES } from './pages.ts';
import type { ObjectPageDefinition } from './types.ts';

/** Domains with at least one active object of the kind (ICS alone has assets). */
export function kindDomains(graph: AttackGraph, kind: ListedKind): Domain[] {
  return graph.loadedDomains().filter((domain) => graph.active(kind, domain).length > 0);
}

/** Objects of the kind in one domain, in the order the list shows them. */
export function listedObjects(graph: AttackGraph, kind: ListedKind, domain: Domain): AttackObject[] {
  if (kind === 'technique') return nestTechniques(graph.active('technique', domain));
  if (kind === 'tactic') return [...graph.active('tactic', domain)].sort((a, b) => a.order - b.order);
  return graph.active(kind, domain);
}

export interface DomainListPage {
  heading: string;
  domainLabel: string;
  countText: string;
  columnHeaders: string[];
  showDescription: boolean;
  rows: ObjectRow[];
}

export function domainListPage(kind: ListedKind, domain: Domain, page: PageContext): DomainListPage {
  const objects = listedObjects(page.graph, kind, domain);
  return {
    heading: `${DOMAIN_LABELS[domain]} ${KINDS[kind].labels.plural}`,
    domainLabel: DOMAIN_LABELS[domain],
    countText: countText(objects, kind),
    ...listTable(kind, objects, page),
  };
}

/**
 * Kinds whose overview (`/detectionstrategies/`) lists every object, with its domains, besides the
 * lists per domain: their objects are shared across domains and looked up by name, as on the
 * official site.
 */
export const WHOLE_LIST_KINDS: ReadonlySet<ListedKind> = new Set(['detectionstrategy', 'datacomponent']);

/** Every active object of the kind, in id order, each row naming its domains. */
export function wholeList(kind: ListedKind, page: PageContext): Pick<DomainListPage, 'columnHeaders' | 'showDescription' | 'rows'> {
  const objects = page.graph.active(kind);
  const table = listTable(kind, objects, page);
  return { ...table, rows: table.rows.map((row, index) => ({ ...row, domains: domainLabels(objects[index]!.domains) })) };
}

/** The columns the kind's page definition names for its lists, and a row per object. */
function listTable(kind: ListedKind, objects: AttackObject[], page: PageContext): Pick<DomainListPage, 'columnHeaders' | 'showDescription' | 'rows'> {
  // Each kind has its definition; TypeScript cannot pair a union's member with its entry itself.
  const definition = OBJECT_PAGES[kind] as ObjectPageDefinition<typeof kind>;
  const columns = definition.listColumns ?? [];
  return {
    columnHeaders: columns.map((column) => column.header),
    showDescription: definition.listDescriptions !== false,
    rows: objects.map((object) => ({
      ...objectRow(object, page),
      cells: columns.map((column) => column.value(object as ObjectOf<typeof kind>, page)),
    })),
  };
}


export function domainSummaries(graph: AttackGraph, kind: ListedKind, base: string): DomainSummary[] {
  return kindDomains(graph, kind).map((domain) => ({
    ...siteLink(paths.list(kind, domain), base, DOMAIN_LABELS[domain]),
    label: DOMAIN_LABELS[domain],
    countText: countText(listedObjects(graph, kind, domain), kind),
  }));
}
