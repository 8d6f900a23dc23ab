/**
 * The Sigma pages: a page per rule (its fields, its ATT&CK tags linked, its YAML highlighted),
 * the list of every rule (`/sigma/`, paged), and the full list of the rules tagged with an ATT&CK
 * object, for objects with more rules than their own page shows (paged too: no page grows past a
 * few hundred kilobytes however many rules a technique has).
 */
import type { SigmaRule } from '../../model/detections.ts';
import { KINDS, hasObjectPage } from '../../model/kinds.ts';
import type { Detections } from '../detections.ts';
import type { AttackGraph } from '../graph.ts';
import { href, paths, type SitePath } from '../paths.ts';
import { sigmaRuleSearchEntry } from '../search/detection-entry.ts';
import type { SearchEntry } from '../search/schema.ts';
import { highlightYaml } from '../yaml-highlight.ts';
import { urlKind } from '../../pipeline/render/safe-urls.ts';
import { cardRows, displayName, linkTo, siteLink, type CardRow, type CardValue, type Link, type TableRow } from './common.ts';

/** Rules on one page of a rule list. */
export const RULES_PER_PAGE = 100;
/** Rules an ATT&CK object's page shows before it sends the reader to the object's full list. */
export const RULES_ON_OBJECT_PAGE = 25;
/** The longest YAML a rule page shows; beyond it the page says where the rest is. */
export const YAML_SHOWN_LIMIT = 256 * 1024;

export const SIGMA_RULE_HEADERS = ['Rule', 'Level', 'Status', 'Log Source', 'ATT&CK'];

export interface PageData {
  graph: AttackGraph;
  detections: Detections;
  base: string;
}

/** "windows / process_creation": the parts of the log source the rule names. */
export function logSourceText({ product, service, category }: SigmaRule['logsource']): string {
  return [product, service, category].filter(Boolean).join(' / ');
}

/** Rule | Level | Status | Log Source | ATT&CK, one row per rule. */
export function sigmaRuleRows(rules: SigmaRule[], { graph, base }: Omit<PageData, 'detections'>): TableRow[] {
  return rules.map((rule) => ({
    cells: [
      siteLink(rule.path, base, rule.title),
      rule.level ?? '',
      rule.status ?? '',
      logSourceText(rule.logsource),
      rule.mapped.flatMap((id) => {
        const object = graph.get(id);
        return object ? [linkTo(object, base, object.attackId)] : [];
      }),
    ],
  }));
}

export interface SigmaRulePage {
  rule: SigmaRule;
  title: string;
  breadcrumbs: Link[];
  card: CardRow[];
  /** Tag | ATT&CK object | Type */
  attackRows: TableRow[];
  /** False positives, references, related rules, the Atomic tests that simulate it: those it has. */
  lists: { id: string; title: string; items: (Link | string)[] }[];
  yamlHtml: string;
  /** Said under the YAML when only part of it is shown. */
  yamlNote?: string;
  search: SearchEntry;
}

export function sigmaRulePage(rule: SigmaRule, { graph, detections, base }: PageData): SigmaRulePage {
  const release = graph.collections.releases[0]?.release ?? '';
  const shown = rule.yaml.length > YAML_SHOWN_LIMIT ? rule.yaml.slice(0, YAML_SHOWN_LIMIT) : rule.yaml;
  return {
    rule,
    title: rule.title,
    breadcrumbs: [siteLink(paths.sigmaRules(), base, 'Sigma Rules')],
    card: cardRows([
      ['ID', { code: rule.id }],
      ['Status', rule.status],
      ['Level', rule.level],
      ['Author', rule.author],
      ['Date', rule.date],
      ['Modified', rule.modified],
      ['Log Source', logSourceCard(rule.logsource)],
      ['Licence', rule.license ?? siteLink(paths.anchor(paths.sigmaRules(), 'licence'), base, detections.source('sigma')?.licence ?? 'as its source says')],
      ['File', { code: rule.file }],
    ]),
    attackRows: rule.attack.map(({ tag, target }) => {
      const object = target ? graph.get(target) : undefined;
      return {
        cells: [
          { code: tag },
          object ? linkTo(object, base, `${object.attackId} ${displayName(object, graph)}`) : `Not in ATT&CK ${release}`,
          object ? KINDS[object.type].labels.singular : '',
        ],
      };
    }),
    lists: [
      { id: 'false-positives', title: 'False Positives', items: rule.falsepositives },
      {
        id: 'references',
        title: 'References',
        items: rule.references.map((reference) => (urlKind(reference) === 'web' ? { text: reference, href: reference } : reference)),
      },
      {
        id: 'related',
        title: 'Related Rules',
        items: rule.related.map(({ id, type }) => {
          const other = detections.rule(id);
          return other ? siteLink(other.path, base, `${other.title} (${type})`) : `${id} (${type})`;
        }),
      },
      {
        id: 'simulations',
        title: 'Atomic Tests That Simulate It',
        items: rule.simulations.flatMap((guid) => {
          const test = detections.test(guid);
          return test ? [siteLink(test.path, base, `${test.techniqueId} #${test.number}: ${test.name}`)] : [];
        }),
      },
    ].filter((list) => list.items.length > 0),
    yamlHtml: highlightYaml(shown),
    yamlNote: shown === rule.yaml ? undefined : `The first ${YAML_SHOWN_LIMIT / 1024} KiB of ${Math.round(rule.yaml.length / 1024)} KiB are shown.`,
    search: sigmaRuleSearchEntry(rule),
  };
}

function logSourceCard({ product, service, category, definition }: SigmaRule['logsource']): CardValue {
  const parts = Object.entries({ product, service, category })
    .filter(([, value]) => value)
    .map(([name, value]) => ({ code: `${name}: ${value}` }));
  return definition ? [...parts, definition] : parts;
}

/** One page of a paged list of rules. */
export interface SigmaListPage {
  path: SitePath;
  title: string;
  lead: string;
  breadcrumbs: Link[];
  rows: TableRow[];
  /** Links to every page of the list, the current one marked. */
  pages: (Link & { current: boolean })[];
  count: number;
}

/** `/sigma/`, `/sigma/page/2/`...: every rule, most severe first. */
export function allRulesPages(data: PageData): SigmaListPage[] {
  const { detections } = data;
  const source = detections.source('sigma');
  const lead = `${detections.rules.length} Sigma rules${source ? ` from ${source.source}` : ''}, most severe first.`;
  return pagedList(detections.rules, (page) => paths.sigmaRules(page), { title: 'Sigma Rules', lead, breadcrumbs: [] }, data);
}

/** The full lists of the rules of every object that has more than its page shows. */
export function objectRulesPages(data: PageData): SigmaListPage[] {
  const { graph, detections, base } = data;
  const objects = [...new Set(detections.rules.flatMap((rule) => rule.mapped))].flatMap((id) => {
    const object = graph.get(id);
    return object && hasObjectPage(object.type) && detections.rulesFor(id).length > RULES_ON_OBJECT_PAGE ? [object] : [];
  });
  return objects.flatMap((object) => {
    const kind = object.type as Parameters<typeof paths.sigmaRulesFor>[0];
    const name = `${object.attackId} ${displayName(object, graph)}`;
    return pagedList(
      detections.rulesFor(object.id),
      (page) => paths.sigmaRulesFor(kind, object.attackId, page),
      {
        title: `Sigma Rules: ${name}`,
        lead: `The Sigma rules tagged with ${KINDS[object.type].labels.singular.toLowerCase()} ${name}, most severe first.`,
        breadcrumbs: [siteLink(paths.sigmaRules(), base, 'Sigma Rules'), linkTo(object, base, object.attackId)],
      },
      data,
    );
  });
}

/** The full list of the object's rules, when its page shows only some. */
export function objectRulesPath(kind: Parameters<typeof paths.sigmaRulesFor>[0], attackId: string, count: number): SitePath | undefined {
  return count > RULES_ON_OBJECT_PAGE ? paths.sigmaRulesFor(kind, attackId) : undefined;
}

function pagedList(
  rules: SigmaRule[],
  pathOf: (page: number) => SitePath,
  { title, lead, breadcrumbs }: Pick<SigmaListPage, 'title' | 'lead' | 'breadcrumbs'>,
  data: PageData,
): SigmaListPage[] {
  const pageCount = Math.max(1, Math.ceil(rules.length / RULES_PER_PAGE));
  const numbers = Array.from({ length: pageCount }, (_, index) => index + 1);
  return numbers.map((number) => ({
    path: pathOf(number),
    title: pageCount > 1 ? `${title} (page ${number} of ${pageCount})` : title,
    lead,
    breadcrumbs: number > 1 ? [...breadcrumbs, siteLink(pathOf(1), data.base, title)] : breadcrumbs,
    rows: sigmaRuleRows(rules.slice((number - 1) * RULES_PER_PAGE, number * RULES_PER_PAGE), data),
    pages: pageCount > 1 ? numbers.map((other) => ({ text: String(other), href: href(data.base, pathOf(other)), current: other === number })) : [],
    count: rules.length,
  }));
}
