/**
 * Normalizing: turns each linked STIX object into the site's model (src/model/attack.ts), renders
 * its texts, and keeps the relationships the pages show (both ends loaded and active).
 */
import { DOMAINS, RELATIONSHIP_TYPES, type AttackObject, type Domain, type ObjectOf, type Reference, type Relationship } from '../../model/attack.ts';
import { ALL_KINDS, KINDS, type Kind } from '../../model/kinds.ts';
import type { ReleaseCollections } from '../../model/collections.ts';
import { ATTACK_ID_SOURCES, type AttackIndex, type Linked, type StixRelationship } from './link.ts';
import type { createMarkdownRenderer } from '../render/markdown.ts';
import type { Found } from './merge.ts';
import type { ImportReport, Location } from '../report.ts';
import type { ExternalReference, StixObjectOf, StixType } from '../sources/stix.ts';

type Markdown = ReturnType<typeof createMarkdownRenderer>;
type Of<T extends Exclude<StixType, 'relationship'>> = StixObjectOf<T> & { type: T };

interface Context {
  index: AttackIndex;
  markdown: Markdown;
  report: ImportReport;
  /** Sub-technique STIX id → parent STIX id, from subtechnique-of relationships. */
  parents: Map<string, string>;
}

/** The collections of ATT&CK objects and relationships (not the releases, nor the vault). */
export type ObjectCollections = Omit<ReleaseCollections, 'releases'>;

export function normalize(index: AttackIndex, markdown: Markdown, report: ImportReport): ObjectCollections {
  const context: Context = { index, markdown, report, parents: subtechniqueParents(index) };
  const collections = {
    ...Object.fromEntries(ALL_KINDS.map((kind) => [KINDS[kind].collection, []])),
    relationships: normalizeRelationships(context),
  } as unknown as ObjectCollections;
  for (const linked of index.objects.values()) {
    (collections[KINDS[linked.type].collection] as AttackObject[]).push(NORMALIZERS[linked.type](linked, context));
  }
  // Sorted by id so that the output does not depend on the order of objects in the bundles.
  for (const entries of Object.values(collections)) entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return collections;
}

/** How each kind's model object is made from its STIX object. */
const NORMALIZERS: { [K in Kind]: (linked: Linked, context: Context) => ObjectOf<K> } = {
  technique: (linked, context) => technique(linked, stixOf(linked, 'attack-pattern'), context),
  tactic: (linked, context) => {
    const object = stixOf(linked, 'x-mitre-tactic');
    return { ...common(linked, context), type: 'tactic', shortname: object.x_mitre_shortname, order: context.index.tacticColumn(object.id) };
  },
  mitigation: (linked, context) => ({
    ...common(linked, context),
    type: 'mitigation',
    securityControls: list(stixOf(linked, 'course-of-action').labels),
  }),
  group: (linked, context) => ({
    ...common(linked, context),
    type: 'group',
    aliases: aliases(linked, stixOf(linked, 'intrusion-set').aliases, context),
  }),
  software: (linked, context) => {
    const object = stixOf(linked, 'malware', 'tool');
    return {
      ...common(linked, context),
      type: 'software',
      softwareType: object.type,
      aliases: aliases(linked, object.x_mitre_aliases, context),
      platforms: list(object.x_mitre_platforms),
    };
  },
  campaign: (linked, context) => {
    const object = stixOf(linked, 'campaign');
    return {
      ...common(linked, context),
      type: 'campaign',
      aliases: aliases(linked, object.aliases, context),
      firstSeen: present(object.first_seen),
      lastSeen: present(object.last_seen),
      firstSeenCitation: context.markdown.renderInline(object.x_mitre_first_seen_citation, at(linked)),
      lastSeenCitation: context.markdown.renderInline(object.x_mitre_last_seen_citation, at(linked)),
    };
  },
  datasource: (linked, context) => {
    const object = stixOf(linked, 'x-mitre-data-source');
    return {
      ...common(linked, context),
      type: 'datasource',
      platforms: list(object.x_mitre_platforms),
      collectionLayers: list(object.x_mitre_collection_layers),
    };
  },
  datacomponent: (linked, context) => {
    const object = stixOf(linked, 'x-mitre-data-component');
    return {
      ...common(linked, context),
      type: 'datacomponent',
      dataSource: knownId(object.x_mitre_data_source_ref, context),
      logSources: (object.x_mitre_log_sources ?? []).map(({ name, channel }) => ({ name, channel })),
    };
  },
  detectionstrategy: (linked, context) => ({
    ...common(linked, context),
    type: 'detectionstrategy',
    analytics: knownIds(stixOf(linked, 'x-mitre-detection-strategy').x_mitre_analytic_refs, linked, context),
  }),
  analytic: (linked, context) => analytic(linked, stixOf(linked, 'x-mitre-analytic'), context),
  asset: (linked, context) => {
    const object = stixOf(linked, 'x-mitre-asset');
    return {
      ...common(linked, context),
      type: 'asset',
      platforms: list(object.x_mitre_platforms),
      sectors: list(object.x_mitre_sectors),
      relatedAssets: (object.x_mitre_related_assets ?? []).map((related) => ({
        name: related.name,
        sectors: list(related.related_asset_sectors),
        description: context.markdown.renderInline(related.description, at(linked)),
      })),
    };
  },
  matrix: (linked, context) => ({
    ...common(linked, context),
    type: 'matrix',
    tactics: knownIds(stixOf(linked, 'x-mitre-matrix').tactic_refs, linked, context),
  }),
};

/** The linked object's STIX object, as one of the types its kind is read from. */
function stixOf<T extends Exclude<StixType, 'relationship'>>(linked: Linked, ...types: T[]): Of<T> {
  if (!(types as string[]).includes(linked.object.type)) throw new Error(`${linked.object.id} is a ${linked.object.type}, not a ${types.join(' or ')}`);
  return linked.object as Of<T>;
}

/** The fields every ATT&CK object has. */
function common(linked: Linked, { markdown }: Context) {
  const { object } = linked;
  const description = markdown.renderDescription(object.description, at(linked));
  return {
    id: object.id,
    attackId: linked.attackId,
    name: object.name.trim(),
    path: linked.path,
    description: description.rich,
    summary: description.summary,
    excerpt: description.excerpt,
    references: references(object.external_references),
    domains: sortDomains(linked.domains),
    status: linked.status,
    revokedBy: linked.revokedBy,
    version: present(object.x_mitre_version),
    created: present(object.created),
    modified: present(object.modified),
    contributors: list(object.x_mitre_contributors),
  };
}

function technique(linked: Linked, object: Of<'attack-pattern'>, context: Context) {
  const { index, report } = context;
  const tactics = (object.kill_chain_phases ?? []).flatMap(({ kill_chain_name, phase_name }) => {
    const tactic = index.tacticOf(kill_chain_name, phase_name);
    if (!tactic && linked.status === 'active') {
      report.warn(
        { source: linked.source, objectId: object.id },
        `${linked.attackId}: no tactic "${phase_name}" in ${kill_chain_name}`,
      );
    }
    return tactic ? [tactic] : [];
  });
  tactics.sort(
    (a, b) =>
      DOMAINS.indexOf(a.domains[0]!) - DOMAINS.indexOf(b.domains[0]!) ||
      index.tacticColumn(a.object.id) - index.tacticColumn(b.object.id),
  );
  return {
    ...common(linked, context),
    type: 'technique' as const,
    isSubtechnique: object.x_mitre_is_subtechnique === true,
    parent: context.parents.get(object.id),
    tactics: [...new Set(tactics.map((tactic) => tactic.object.id))],
    platforms: list(object.x_mitre_platforms),
    permissionsRequired: list(object.x_mitre_permissions_required),
    effectivePermissions: list(object.x_mitre_effective_permissions),
    defenseBypassed: list(object.x_mitre_defense_bypassed),
    systemRequirements: list(object.x_mitre_system_requirements),
    impactType: list(object.x_mitre_impact_type),
    tacticType: list(object.x_mitre_tactic_type),
    dataSources: list(object.x_mitre_data_sources),
    remoteSupport: object.x_mitre_remote_support,
    capecIds: externalIds(object.external_references, 'capec'),
    mtcIds: externalIds(object.external_references, 'NIST Mobile Threat Catalogue'),
    legacyDetection: context.markdown.render(object.x_mitre_detection, at(linked)),
  };
}

function analytic(linked: Linked, object: Of<'x-mitre-analytic'>, context: Context) {
  return {
    ...common(linked, context),
    type: 'analytic' as const,
    detectionStrategy: context.index.detectionStrategyOf(object.id),
    platforms: list(object.x_mitre_platforms),
    logSources: (object.x_mitre_log_source_references ?? []).map((source) => ({
      dataComponent: source.x_mitre_data_component_ref,
      name: source.name,
      channel: source.channel,
    })),
    mutableElements: (object.x_mitre_mutable_elements ?? []).map(({ field, description }) => ({
      field,
      description,
    })),
  };
}

/** Aliases other than the object's own name, each with the description of its same-named reference. */
function aliases(linked: Linked, names: string[] | undefined, { markdown }: Context) {
  const { object } = linked;
  const own = object.name.trim();
  return list(names)
    .filter((name) => name !== own)
    .map((name) => ({
      name,
      description: markdown.renderInline(
        object.external_references?.find((ref) => ref.source_name === name)?.description,
        at(linked),
      ),
    }));
}

function normalizeRelationships({ index, markdown, report }: Context): Relationship[] {
  const kept: Relationship[] = [];
  const skippedTypes = new Map<string, number>();
  for (const found of index.relationships) {
    const { object } = found;
    const type = RELATIONSHIP_TYPES.find((known) => known === object.relationship_type);
    if (!type) {
      skippedTypes.set(object.relationship_type, (skippedTypes.get(object.relationship_type) ?? 0) + 1);
      continue;
    }
    if (object.revoked || object.x_mitre_deprecated) continue;
    const ends = [object.source_ref, object.target_ref].map((id) => index.get(id));
    const missing = [object.source_ref, object.target_ref].filter((_, i) => !ends[i]);
    if (missing.length > 0) {
      report.warn({ source: found.source, objectId: object.id }, `${type} relationship to missing ${missing.join(', ')}`);
      continue;
    }
    if (ends.some((end) => end!.status !== 'active')) continue;
    const description = markdown.renderDescription(object.description, { source: found.source, objectId: object.id });
    kept.push({
      id: object.id,
      type,
      source: object.source_ref,
      target: object.target_ref,
      description: description.rich,
      descriptionText: description.text,
      references: references(object.external_references),
      domains: sortDomains(found.domains),
    });
  }
  for (const [type, count] of skippedTypes) {
    report.warn({}, `${count} relationships of type "${type}" are not shown`);
  }
  return kept;
}

/** Where an object was read, for warnings about its texts. */
function at(linked: Linked): Location {
  return { source: linked.source, objectId: linked.object.id };
}

function subtechniqueParents(index: AttackIndex): Map<string, string> {
  const parents = new Map<string, string>();
  for (const { object } of index.relationships as Found<StixRelationship>[]) {
    if (object.relationship_type === 'subtechnique-of' && !object.revoked && index.get(object.target_ref)) {
      parents.set(object.source_ref, object.target_ref);
    }
  }
  return parents;
}

function knownId(id: string | undefined, { index }: Context): string | undefined {
  return id && index.get(id) ? id : undefined;
}

function knownIds(ids: string[] | undefined, owner: Linked, { index, report }: Context): string[] {
  return list(ids).filter((id) => {
    if (index.get(id)) return true;
    report.warn({ source: owner.source, objectId: owner.object.id }, `refers to missing ${id}`);
    return false;
  });
}

/** The sources a text may cite: every external reference but the ATT&CK id itself. */
function references(externalReferences: ExternalReference[] | undefined): Reference[] {
  const byName = new Map<string, Reference>();
  for (const ref of externalReferences ?? []) {
    const name = ref.source_name.trim();
    if (ATTACK_ID_SOURCES.has(name) || byName.has(name)) continue;
    byName.set(name, { name, description: present(ref.description), url: safeUrl(ref.url) });
  }
  return [...byName.values()];
}

function externalIds(externalReferences: ExternalReference[] | undefined, sourceName: string): string[] {
  return list((externalReferences ?? []).filter((ref) => ref.source_name === sourceName).map((ref) => ref.external_id ?? ''));
}

/** Only web links are kept: a `javascript:` or `data:` URL from a bundle never reaches a page. */
export function safeUrl(url: string | undefined): string | undefined {
  const trimmed = present(url);
  return trimmed && /^https?:\/\//i.test(trimmed) ? trimmed : undefined;
}

/** Empty strings count as absent. */
function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function list(values: string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter(Boolean))];
}

function sortDomains(domains: Domain[]): Domain[] {
  return [...domains].sort((a, b) => DOMAINS.indexOf(a) - DOMAINS.indexOf(b));
}
