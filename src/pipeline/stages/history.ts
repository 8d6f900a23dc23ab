/**
 * History: every object's state in each loaded release, and what changed between consecutive
 * releases, by the rules of mitreattack-python's diffStix (src/model/history.ts): per domain, an
 * object only in the newer release is an addition, only in the older a deletion; one in both is a
 * revocation or deprecation when it newly became so (one already revoked or deprecated has no
 * category), else a major or minor version change when its version went to the next major or
 * minor number, another version change when it moved otherwise, a patch when its version stayed
 * but its modified date or description changed, and unchanged otherwise.
 */
import { DOMAINS, type AttackObject, type Domain } from '../../model/attack.ts';
import { objectsOf, type ReleaseCollections } from '../../model/collections.ts';
import type { ChangeCategory, ObjectHistory, ReleaseChanges, ReleaseState } from '../../model/history.ts';
import { ALL_KINDS, type Kind } from '../../model/kinds.ts';

export interface LoadedRelease {
  release: string;
  collections: ReleaseCollections;
}

/** The kinds diffStix reports on, in its order. */
export const CHANGELOG_KINDS: Kind[] = [
  'technique',
  'software',
  'group',
  'campaign',
  'asset',
  'mitigation',
  'datasource',
  'datacomponent',
  'detectionstrategy',
  'analytic',
];

export interface History {
  objects: ObjectHistory[];
  changes: ReleaseChanges[];
}

/** `releases` oldest first. */
export function buildHistory(releases: LoadedRelease[]): History {
  const indexed = releases.map(({ release, collections }) => ({
    release,
    domains: new Set(collections.releases.map((bundle) => bundle.domain)),
    objects: new Map(ALL_KINDS.flatMap((kind) => objectsOf(collections, kind).map((object) => [object.id, object] as const))),
  }));
  const kinds = new Map<string, Kind>();
  for (const { objects } of indexed) for (const object of objects.values()) kinds.set(object.id, object.type);
  const objects = [...kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, kind]) => ({ id, kind, states: statesOf(id, indexed) }));
  const changes = indexed.slice(1).map((newer, index) => releaseChanges(indexed[index]!, newer));
  return { objects, changes };
}

interface IndexedRelease {
  release: string;
  domains: Set<Domain>;
  objects: Map<string, AttackObject>;
}

function statesOf(id: string, releases: IndexedRelease[]): ReleaseState[] {
  const everDomains = new Set(releases.flatMap(({ objects }) => objects.get(id)?.domains ?? []));
  const covers = (release: IndexedRelease | undefined) => release !== undefined && [...everDomains].some((domain) => release.domains.has(domain));
  return releases.map((current, index) => {
    const object = current.objects.get(id);
    const before = releases[index - 1];
    const previous = before?.objects.get(id);
    if (!object) {
      const change = previous && covers(current) ? 'deletions' : undefined;
      return { release: current.release, presence: covers(current) ? 'absent' : 'no-data', domains: [], ...(change ? { change } : {}) };
    }
    // Against a release that loaded none of its domains, nothing can be said.
    const change = previous ? changeOf(previous, object) : covers(before) ? 'additions' : undefined;
    return {
      release: current.release,
      presence: 'present',
      attackId: object.attackId,
      name: object.name,
      version: object.version,
      modified: object.modified,
      status: object.status,
      revokedBy: object.revokedBy,
      domains: object.domains,
      ...(change ? { change } : {}),
    };
  });
}

/** The category of an object found in both releases; undefined when it was already revoked or deprecated. */
export function changeOf(older: AttackObject, newer: AttackObject): ChangeCategory | undefined {
  if (newer.status === 'revoked') return older.status === 'revoked' ? undefined : 'revocations';
  if (newer.status === 'deprecated') return older.status === 'deprecated' ? undefined : 'deprecations';
  const [before, after] = [version(older), version(newer)];
  if (after.major === before.major + 1 && after.minor === 0) return 'major_version_changes';
  if (after.major === before.major && after.minor === before.minor + 1) return 'minor_version_changes';
  if (after.major !== before.major || after.minor !== before.minor) return 'other_version_changes';
  if (older.modified !== newer.modified || older.text !== newer.text) return 'patches';
  return 'unchanged';
}

/** `x_mitre_version` as numbers; objects without one (early ICS) count as 0.0, as diffStix does. */
function version(object: AttackObject): { major: number; minor: number } {
  const [major = 0, minor = 0] = (object.version ?? '0.0').split('.').map(Number);
  return { major, minor };
}

function releaseChanges(older: IndexedRelease, newer: IndexedRelease): ReleaseChanges {
  const domains = DOMAINS.filter((domain) => older.domains.has(domain) && newer.domains.has(domain)).map((domain) => ({
    domain,
    kinds: CHANGELOG_KINDS.map((kind) => ({ kind, categories: categoriesIn(domain, kind, older, newer) })),
  }));
  return { id: `${older.release}-${newer.release}`, from: older.release, to: newer.release, domains, newContributors: newContributors(older, newer) };
}

function categoriesIn(domain: Domain, kind: Kind, older: IndexedRelease, newer: IndexedRelease): Partial<Record<ChangeCategory, string[]>> {
  const inDomain = ({ objects }: IndexedRelease) =>
    new Map([...objects].filter(([, object]) => object.type === kind && object.domains.includes(domain)));
  const [before, after] = [inDomain(older), inDomain(newer)];
  const categories: Partial<Record<ChangeCategory, string[]>> = {};
  const add = (category: ChangeCategory | undefined, id: string) => {
    if (category) (categories[category] ??= []).push(id);
  };
  for (const [id, object] of after) add(before.has(id) ? changeOf(before.get(id)!, object) : 'additions', id);
  for (const id of before.keys()) if (!after.has(id)) add('deletions', id);
  for (const ids of Object.values(categories)) ids.sort();
  return categories;
}

function newContributors(older: IndexedRelease, newer: IndexedRelease): string[] {
  const known = new Set([...older.objects.values()].flatMap((object) => object.contributors));
  const fresh = new Set([...newer.objects.values()].flatMap((object) => object.contributors).filter((name) => !known.has(name)));
  return [...fresh].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
}
