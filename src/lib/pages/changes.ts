/**
 * The changelog pages of a pair of releases: counts per domain, kind and category, the entries of
 * each, and the same in mitreattack-python's JSON structure and as Navigator layers coloured by
 * category (its colours and legend).
 */
import { DOMAIN_LABELS, type Domain } from '../../model/attack.ts';
import { CATEGORY_NAMES, CHANGE_CATEGORIES, type ChangeCategory, type ReleaseChanges, type ReleaseState } from '../../model/history.ts';
import { hasObjectPage, KINDS, type Kind } from '../../model/kinds.ts';
import { byAttackId, type AttackGraph } from '../graph.ts';
import { DIFFED_CATEGORIES, type HistoryIndex } from '../history.ts';
import { paths, type SitePath } from '../paths.ts';

/** diffStix's layer colours, by category. */
export const CATEGORY_COLORS: Record<ChangeCategory, string> = {
  additions: '#a1d99b',
  major_version_changes: '#fcf3a2',
  minor_version_changes: '#c7c4e0',
  other_version_changes: '#B5E5CF',
  patches: '#B99095',
  revocations: '#ff9000',
  deprecations: '#ff6363',
  deletions: '#ff00e1',
  unchanged: '#ffffff',
};

export const CATEGORY_TITLES: Record<ChangeCategory, string> = {
  additions: 'New',
  major_version_changes: 'Major version changes',
  minor_version_changes: 'Minor version changes',
  other_version_changes: 'Other version changes',
  patches: 'Patches',
  revocations: 'Revocations',
  deprecations: 'Deprecations',
  deletions: 'Deletions',
  unchanged: 'Unchanged',
};

/** Column headers of the counts. */
export const CATEGORY_SHORT: Record<ChangeCategory, string> = {
  additions: 'New',
  major_version_changes: 'Major',
  minor_version_changes: 'Minor',
  other_version_changes: 'Other',
  patches: 'Patch',
  revocations: 'Revoked',
  deprecations: 'Deprecated',
  deletions: 'Deleted',
  unchanged: 'Same',
};

/** What one object's change is called. */
export const CHANGE_LABELS: Record<ChangeCategory, string> = {
  additions: 'New',
  major_version_changes: 'Major version change',
  minor_version_changes: 'Minor version change',
  other_version_changes: 'Other version change',
  patches: 'Patch',
  revocations: 'Revoked',
  deprecations: 'Deprecated',
  deletions: 'Deleted',
  unchanged: 'Unchanged',
};

/** The categories a changelog lists (unchanged objects are counted, not listed). */
export const LISTED_CATEGORIES = CATEGORY_NAMES.filter((category) => category !== 'unchanged');

export interface ChangeEntry {
  id: string;
  kind: Kind;
  attackId: string;
  name: string;
  /** The name in the older release, when it was another. */
  formerName?: string;
  /** `2.6 → 3.0` */
  versionChange?: string;
  /** The replacement of a revoked object. */
  replacedBy?: { attackId: string; name: string; path: SitePath };
  /** The page of differences, or the object's page in the release that has it. */
  path?: SitePath;
}

/** The entries of one category of one kind in one domain, in ATT&CK id order. */
export function changeEntries(changes: ReleaseChanges, ids: string[], history: HistoryIndex, graphs: { from: AttackGraph; to: AttackGraph }, category: ChangeCategory): ChangeEntry[] {
  const latest = history.releases.at(-1);
  return ids
    .flatMap((id) => {
      const older = history.stateIn(id, changes.from);
      const newer = history.stateIn(id, changes.to);
      const kind = history.get(id)?.kind;
      const shown = category === 'deletions' ? older : newer;
      if (!kind || !shown?.attackId || !shown.name) return [];
      const entry: ChangeEntry = { id, kind, attackId: shown.attackId, name: shown.name };
      if (older?.name && newer?.name && older.name !== newer.name) entry.formerName = older.name;
      if (older?.version && newer?.version && older.version !== newer.version) entry.versionChange = `${older.version} → ${newer.version}`;
      const replacement = category === 'revocations' && newer?.revokedBy ? graphs.to.get(newer.revokedBy) : undefined;
      if (replacement) entry.replacedBy = { attackId: replacement.attackId, name: replacement.name, path: pagePath(replacement.path, changes.to, latest) };
      entry.path = entryPath(kind, category, shown, changes, latest);
      return [entry];
    })
    .sort((a, b) => a.attackId.localeCompare(b.attackId, 'en', { numeric: true }));
}

function entryPath(kind: Kind, category: ChangeCategory, state: ReleaseState, changes: ReleaseChanges, latest: string | undefined): SitePath | undefined {
  if (!hasObjectPage(kind) || !state.attackId) return undefined;
  const page = paths.object(kind, state.attackId);
  if (DIFFED_CATEGORIES.has(category)) return paths.objectChanges(changes.from, changes.to, page);
  return pagePath(page, category === 'deletions' ? changes.from : changes.to, latest);
}

/** A page of a release: the live page for the latest, its frozen page otherwise. */
export function pagePath(page: SitePath, release: string, latest: string | undefined): SitePath {
  return release === latest ? page : (`${paths.version(release)}${page.slice(1)}` as SitePath);
}

/** Counts per kind and category in one domain, for the summary table. */
export function domainCounts(changes: ReleaseChanges, domain: Domain): { kind: Kind; counts: Record<ChangeCategory, number> }[] {
  const ofDomain = changes.domains.find((entry) => entry.domain === domain);
  return (ofDomain?.kinds ?? []).map(({ kind, categories }) => ({
    kind,
    counts: Object.fromEntries(CATEGORY_NAMES.map((category) => [category, categories[category]?.length ?? 0])) as Record<ChangeCategory, number>,
  }));
}

/** The changelog as diffStix writes it: domain → kind collection → category → entries, then the new contributors. */
export function changelogJson(changes: ReleaseChanges, history: HistoryIndex, graphs: { from: AttackGraph; to: AttackGraph }): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const { domain, kinds } of changes.domains) {
    json[domain] = Object.fromEntries(
      kinds.map(({ kind, categories }) => [
        KINDS[kind].collection,
        Object.fromEntries(
          LISTED_CATEGORIES.map((category) => [
            category,
            changeEntries(changes, categories[category] ?? [], history, graphs, category).map((entry) => ({
              id: entry.id,
              attack_id: entry.attackId,
              name: entry.name,
              ...(entry.formerName ? { previous_name: entry.formerName } : {}),
              ...(entry.versionChange ? { version_change: entry.versionChange } : {}),
              ...(entry.replacedBy ? { revoked_by: entry.replacedBy.attackId } : {}),
            })),
          ]),
        ),
      ]),
    );
  }
  json['new-contributors'] = changes.newContributors;
  return json;
}

/** A Navigator layer of a domain's techniques coloured by category, as diffStix makes it. */
export function changelogLayer(changes: ReleaseChanges, domain: Domain, graphs: { from: AttackGraph; to: AttackGraph }) {
  const techniques = changes.domains.find((entry) => entry.domain === domain)?.kinds.find((entry) => entry.kind === 'technique');
  const entries = LISTED_CATEGORIES.flatMap((category) =>
    (techniques?.categories[category] ?? []).flatMap((id) => {
      const technique = (category === 'deletions' ? graphs.from : graphs.to).getOfType('technique', id);
      return technique ? [technique] : [];
    }).sort(byAttackId).flatMap((technique) => {
      const tactics = technique.tactics.map((tactic) => graphs.to.getOfType('tactic', tactic) ?? graphs.from.getOfType('tactic', tactic));
      return tactics.flatMap((tactic) =>
        tactic ? [{ techniqueID: technique.attackId, tactic: tactic.shortname, enabled: true, color: CATEGORY_COLORS[category], comment: category }] : [],
      );
    }),
  );
  return {
    versions: { layer: '4.5', navigator: '5.0.0', attack: changes.to },
    name: `${DOMAIN_LABELS[domain]} changes from ATT&CK ${changes.from} to ${changes.to}`,
    description: `${DOMAIN_LABELS[domain]} techniques that changed from ATT&CK ${changes.from} to ${changes.to}, coloured by the kind of change.`,
    domain,
    techniques: entries,
    sorting: 0,
    hideDisabled: false,
    legendItems: CATEGORY_NAMES.map((category) => ({ color: CATEGORY_COLORS[category], label: `${category}: ATT&CK ${CHANGE_CATEGORIES[category]}.` })),
    showTacticRowBackground: true,
    tacticRowBackground: '#205b8f',
    selectTechniquesAcrossTactics: true,
  };
}
