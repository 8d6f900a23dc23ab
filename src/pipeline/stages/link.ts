/**
 * Linking: gives every ATT&CK object its ATT&CK id, status and page path, follows revocations to
 * their final replacement, and answers the lookups normalizing needs (tactics by short name,
 * the strategy that shows an analytic, the page an attack.mitre.org URL stands for).
 */
import { paths, type SitePath } from '../../lib/paths.ts';
import { DOMAINS, DOMAIN_SLUGS, type Domain, type Status } from '../../model/attack.ts';
import { isPageSafeId, parseAttackId } from '../../model/ids.ts';
import { hasObjectPage, KIND_OF_STIX_TYPE, KINDS, type Kind } from '../../model/kinds.ts';
import type { ImportReport } from '../report.ts';
import type { Bundle, RawObject } from '../sources/bundles.ts';
import type { StixObject, StixObjectOf } from '../sources/stix.ts';
import { pushTo } from '../../lib/lists-by-key.ts';
import type { Found } from './merge.ts';

type StixAttackObject = Exclude<StixObject, { type: 'relationship' }>;
export type StixRelationship = Extract<StixObject, { type: 'relationship' }>;

/** Second path segments of list pages (`/techniques/enterprise/`): no object may take them. */
const LIST_PAGE_NAMES: ReadonlySet<string> = new Set(Object.values(DOMAIN_SLUGS));

/** Reference sources that carry ATT&CK ids (older objects use per-domain names). */
export const ATTACK_ID_SOURCES: ReadonlySet<string> = new Set(['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack']);

const KILL_CHAIN_DOMAINS: Record<string, Domain> = {
  'mitre-attack': 'enterprise-attack',
  'mitre-mobile-attack': 'mobile-attack',
  'mitre-ics-attack': 'ics-attack',
};

export interface Linked<T extends StixAttackObject = StixAttackObject> extends Found<T> {
  type: Kind;
  attackId: string;
  status: Status;
  path: SitePath;
  /** For revoked objects: the final replacement's STIX id. */
  revokedBy?: string;
}

export class AttackIndex {
  readonly objects = new Map<string, Linked>();
  readonly relationships: Found<StixRelationship>[] = [];
  private readonly relationshipSources = new Map<string, string>();
  private readonly byAttackPath = new Map<string, Linked>();
  private readonly tactics = new Map<string, Linked>();
  private readonly strategyOf = new Map<string, string>();
  private readonly tacticColumns = new Map<string, number>();

  get(stixId: string): Linked | undefined {
    return this.objects.get(stixId);
  }

  /** The file or URL an object or relationship was read from. */
  sourceOf(stixId: string): string | undefined {
    return this.objects.get(stixId)?.source ?? this.relationshipSources.get(stixId);
  }

  /** The tactic a kill chain phase names, e.g. (`mitre-attack`, `execution`). */
  tacticOf(killChainName: string, phaseName: string): Linked | undefined {
    const domain = KILL_CHAIN_DOMAINS[killChainName];
    return domain && this.tactics.get(`${domain}/${phaseName}`);
  }

  /** The tactic's column in its domain's matrix; tactics outside every matrix sort last. */
  tacticColumn(tacticId: string): number {
    return this.tacticColumns.get(tacticId) ?? Number.MAX_SAFE_INTEGER;
  }

  /** STIX id of the detection strategy listing the analytic. */
  detectionStrategyOf(analyticId: string): string | undefined {
    return this.strategyOf.get(analyticId);
  }

  /**
   * This site's path for a link to attack.mitre.org, when the object it names was loaded
   * (revoked objects resolve to their replacement). Other links give undefined.
   */
  resolveAttackUrl(href: string): SitePath | undefined {
    const match = /^https?:\/\/(?:www\.)?attack\.mitre\.org\/([a-z]+)\/([^/?#]+)(?:\/(\d{3}))?\/?(#[\w-]+)?$/i.exec(href);
    if (!match) return undefined;
    const [, section, id, sub, hash] = match;
    const found = this.byAttackPath.get(`${section!.toLowerCase()}/${sub ? `${id}.${sub}` : id}`);
    if (!found) return undefined;
    const target = found.revokedBy ? this.objects.get(found.revokedBy)! : found;
    return hash && !target.path.includes('#') ? paths.anchor(target.path, hash.slice(1)) : target.path;
  }

  /** The object an ATT&CK id names (its replacement when it is revoked), for `(LinkById: G0047)`. */
  byAttackId(attackId: string): Linked | undefined {
    const parsed = parseAttackId(attackId);
    const found = parsed && this.byAttackPath.get(`${KINDS[parsed.kind].collection}/${parsed.id}`);
    return found?.revokedBy ? this.objects.get(found.revokedBy) : found;
  }

  add(linked: Linked): void {
    this.objects.set(linked.object.id, linked);
  }

  addRelationship(found: Found<StixRelationship>): void {
    this.relationships.push(found);
    this.relationshipSources.set(found.object.id, found.source);
  }

  registerAttackPath(linked: Linked): void {
    this.byAttackPath.set(attackPathKey(linked), linked);
  }

  registerTactic(domain: Domain, shortname: string, tactic: Linked): void {
    this.tactics.set(`${domain}/${shortname}`, tactic);
  }

  registerAnalytic(analyticId: string, strategyId: string): void {
    this.strategyOf.set(analyticId, strategyId);
  }

  registerTacticColumn(tacticId: string, column: number): void {
    this.tacticColumns.set(tacticId, column);
  }
}

/**
 * The ATT&CK id of every object of the bundles that carries one, by STIX id. Objects keep their
 * STIX id across releases, and some got their ATT&CK id only later (data components, in 18.0):
 * an object without one takes the id another loaded release gives it.
 */
export function attackIdsByStixId(bundles: Bundle[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const bundle of bundles) {
    for (const object of bundle.objects) {
      const references = Array.isArray(object.external_references) ? (object.external_references as unknown[]) : [];
      const found = references.find(
        (ref): ref is { external_id: string } =>
          typeof ref === 'object' && ref !== null && ATTACK_ID_SOURCES.has(String((ref as RawObject).source_name)) && typeof (ref as RawObject).external_id === 'string',
      );
      if (found && typeof object.id === 'string' && found.external_id.trim()) ids.set(object.id, found.external_id.trim());
    }
  }
  return ids;
}

/** `otherReleases` gives ATT&CK ids by STIX id, for objects that have none in this release. */
export function buildIndex(merged: Map<string, Found>, report: ImportReport, otherReleases: ReadonlyMap<string, string> = new Map()): AttackIndex {
  const index = new AttackIndex();
  const missingIds = new Map<string, Found[]>();
  const revokedBy = new Map<string, string>();
  for (const found of merged.values()) {
    if (found.object.type === 'relationship') {
      const relationship = found as Found<StixRelationship>;
      if (relationship.object.relationship_type === 'revoked-by') {
        revokedBy.set(relationship.object.source_ref, relationship.object.target_ref);
      } else {
        index.addRelationship(relationship);
      }
      continue;
    }
    const linked = identify(found as Found<StixAttackObject>, otherReleases, missingIds, report);
    if (linked) index.add(linked);
  }
  report.throwIfErrors();
  reportMissingIds(missingIds, report);
  claimAttackIds(index, report);
  linkAnalytics(index);
  assignPaths(index);
  followRevocations(index, revokedBy, report);
  registerTactics(index);
  return index;
}

/** Kinds whose objects had no ATT&CK id before a release gave them one: left out, with one warning, when none is known. */
const LATE_IDS: ReadonlySet<string> = new Set(['x-mitre-data-component']);

function identify(found: Found<StixAttackObject>, otherReleases: ReadonlyMap<string, string>, missingIds: Map<string, Found[]>, report: ImportReport): Linked | undefined {
  const { object } = found;
  const attackId =
    object.external_references?.find((ref) => ATTACK_ID_SOURCES.has(ref.source_name) && ref.external_id?.trim())?.external_id?.trim() ??
    otherReleases.get(object.id);
  if (!attackId && LATE_IDS.has(object.type)) {
    pushTo(missingIds, `${found.source}\n${object.type}`, found);
    return undefined;
  }
  if (!attackId) {
    report.error(
      { source: found.source, objectId: object.id },
      `${object.type} "${object.name}" has no ATT&CK id (an external reference from mitre-attack with an external_id)`,
    );
    return undefined;
  }
  if (!isPageSafeId(attackId)) {
    report.error(
      { source: found.source, objectId: object.id },
      `${object.type} "${object.name}" has an ATT&CK id that cannot name a page: ${JSON.stringify(attackId)} (expected letters and digits, such as T1059.001)`,
    );
    return undefined;
  }
  const type = KIND_OF_STIX_TYPE.get(object.type)!;
  if (type !== 'matrix' && LIST_PAGE_NAMES.has(attackId.toLowerCase())) {
    report.error(
      { source: found.source, objectId: object.id },
      `${object.type} "${object.name}" has an ATT&CK id that names a list page of the site: ${JSON.stringify(attackId)}`,
    );
    return undefined;
  }
  const status: Status = object.revoked ? 'revoked' : object.x_mitre_deprecated ? 'deprecated' : 'active';
  return { ...found, type, attackId, status, path: paths.home() };
}

function reportMissingIds(missingIds: Map<string, Found[]>, report: ImportReport): void {
  for (const [key, objects] of missingIds) {
    const [source, type] = key.split('\n');
    report.warn({ source }, `${objects.length} ${type} objects have no ATT&CK id in this release or any other loaded one; they are left out`);
  }
}

function attackPathKey(linked: Linked): string {
  return `${KINDS[linked.type].collection}/${linked.attackId}`;
}

const STATUS_RANK: Record<Status, number> = { active: 0, deprecated: 1, revoked: 2 };

/**
 * One page per ATT&CK id and type. When several objects claim one (ATT&CK reuses the ids of
 * deprecated objects), the active one keeps it and the others are left out, with a warning.
 */
function claimAttackIds(index: AttackIndex, report: ImportReport): void {
  const claims = Map.groupBy(index.objects.values(), attackPathKey);
  for (const [key, claimants] of claims) {
    const [winner, ...losers] = claimants.sort(
      (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || (b.object.modified ?? '').localeCompare(a.object.modified ?? ''),
    );
    if (losers.some((loser) => loser.status === 'active' && winner!.status === 'active')) {
      const ids = claimants.filter((c) => c.status === 'active').map((c) => c.object.id);
      report.error({ source: winner!.source, objectId: ids.join(', ') }, `several active objects claim ${key}`);
      continue;
    }
    for (const loser of losers) {
      report.warn(
        { source: loser.source, objectId: loser.object.id },
        `${loser.status} "${loser.object.name}" also claims ${key}, which belongs to "${winner!.object.name}"; it is left out`,
      );
      index.objects.delete(loser.object.id);
    }
    index.registerAttackPath(winner!);
  }
  report.throwIfErrors();
}

function linkAnalytics(index: AttackIndex): void {
  for (const linked of index.objects.values()) {
    if (linked.object.type !== 'x-mitre-detection-strategy') continue;
    for (const analyticId of linked.object.x_mitre_analytic_refs ?? []) {
      index.registerAnalytic(analyticId, linked.object.id);
    }
  }
}

/** `/techniques/T1059/001/`, `/tactics/TA0002/`, `/matrices/enterprise/`, then analytics at their strategy's page. */
function assignPaths(index: AttackIndex): void {
  for (const linked of index.objects.values()) {
    if (hasObjectPage(linked.type)) linked.path = paths.object(linked.type, linked.attackId);
    else if (linked.type === 'matrix') linked.path = paths.matrix(DOMAINS.find((domain) => domain === linked.attackId) ?? linked.domains[0]!);
  }
  for (const linked of index.objects.values()) {
    if (linked.type !== 'analytic') continue;
    const strategy = index.get(index.detectionStrategyOf(linked.object.id) ?? '');
    linked.path = paths.anchor(strategy ? strategy.path : paths.analytics(), linked.attackId);
  }
}

function followRevocations(index: AttackIndex, revokedBy: Map<string, string>, report: ImportReport): void {
  for (const linked of index.objects.values()) {
    if (linked.status !== 'revoked') continue;
    const where = { source: linked.source, objectId: linked.object.id };
    const seen = new Set([linked.object.id]);
    let current = revokedBy.get(linked.object.id);
    while (current && revokedBy.has(current) && !seen.has(current)) {
      seen.add(current);
      current = revokedBy.get(current);
    }
    if (!current) {
      report.warn(where, `${linked.attackId} is revoked without a replacement`);
    } else if (seen.has(current)) {
      report.warn(where, `${linked.attackId} is in a cycle of revocations`);
    } else if (!index.get(current)) {
      report.warn(where, `${linked.attackId} is revoked by ${current}, which is not in the data`);
    } else {
      linked.revokedBy = current;
    }
  }
}

/**
 * Tactic short names repeat across domains, so they are looked up per domain; active ones win.
 * Columns come from the matrices, active matrices last so that their order wins.
 */
function registerTactics(index: AttackIndex): void {
  const matrices = [...index.objects.values()]
    .filter((linked) => linked.object.type === 'x-mitre-matrix')
    .sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status]);
  for (const matrix of matrices) {
    const columns = matrix.object.type === 'x-mitre-matrix' ? (matrix.object.tactic_refs ?? []) : [];
    columns.forEach((tacticId, column) => index.registerTacticColumn(tacticId, column));
  }
  const tactics = [...index.objects.values()]
    .filter((linked): linked is Linked<StixObjectOf<'x-mitre-tactic'> & { type: 'x-mitre-tactic' }> =>
      linked.object.type === 'x-mitre-tactic')
    .sort((a, b) => STATUS_RANK[b.status] - STATUS_RANK[a.status]);
  for (const tactic of tactics) {
    for (const domain of tactic.domains) index.registerTactic(domain, tactic.object.x_mitre_shortname, tactic);
  }
}
