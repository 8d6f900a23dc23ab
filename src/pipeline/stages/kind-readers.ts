/**
 * How each object kind is read from STIX: the fields of its STIX objects that the import uses,
 * besides those every object has (checked on input, src/pipeline/sources/stix.ts), and how a
 * linked object becomes the kind's model object (src/model/attack.ts). A kind added to the
 * registry (src/model/kinds.ts) is a compile error here until it has both.
 */
import { z } from 'astro/zod';
import { DOMAINS, type ObjectOf } from '../../model/attack.ts';
import type { Kind } from '../../model/kinds.ts';
import { flag, logSourceFields, strings, text } from '../sources/stix-fields.ts';
import { aliases, at, common, externalIds, knownId, knownIds, list, present, stixOf, type Context, type Of } from './fields.ts';
import type { Linked } from './link.ts';

/** The STIX fields each kind is read from, besides the common ones. */
export const KIND_STIX_FIELDS = {
  matrix: { tactic_refs: strings },
  tactic: { x_mitre_shortname: z.string() },
  technique: {
    kill_chain_phases: z.array(z.looseObject({ kill_chain_name: z.string(), phase_name: z.string() })).optional(),
    x_mitre_is_subtechnique: flag,
    x_mitre_platforms: strings,
    x_mitre_permissions_required: strings,
    x_mitre_effective_permissions: strings,
    x_mitre_defense_bypassed: strings,
    x_mitre_system_requirements: strings,
    x_mitre_impact_type: strings,
    x_mitre_tactic_type: strings,
    x_mitre_data_sources: strings,
    x_mitre_remote_support: flag,
    x_mitre_detection: text,
  },
  mitigation: { labels: strings },
  group: { aliases: strings },
  software: { x_mitre_aliases: strings, x_mitre_platforms: strings },
  campaign: {
    aliases: strings,
    first_seen: text,
    last_seen: text,
    x_mitre_first_seen_citation: text,
    x_mitre_last_seen_citation: text,
  },
  detectionstrategy: { x_mitre_analytic_refs: strings },
  analytic: {
    x_mitre_platforms: strings,
    x_mitre_log_source_references: z.array(z.looseObject({ ...logSourceFields, x_mitre_data_component_ref: z.string() })).optional(),
    x_mitre_mutable_elements: z.array(z.looseObject({ field: z.string(), description: z.string() })).optional(),
  },
  datacomponent: {
    x_mitre_data_source_ref: text,
    x_mitre_log_sources: z.array(z.looseObject(logSourceFields)).optional(),
  },
  datasource: { x_mitre_platforms: strings, x_mitre_collection_layers: strings },
  asset: {
    x_mitre_platforms: strings,
    x_mitre_sectors: strings,
    x_mitre_related_assets: z.array(z.looseObject({ name: z.string(), related_asset_sectors: strings, description: text })).optional(),
  },
} satisfies { [K in Kind]: z.ZodRawShape };

/** How each kind's model object is made from its linked STIX object. */
export const NORMALIZERS: { [K in Kind]: (linked: Linked, context: Context) => ObjectOf<K> } = {
  matrix: (linked, context) => ({
    ...common(linked, context),
    type: 'matrix',
    tactics: knownIds(stixOf(linked, 'x-mitre-matrix').tactic_refs, linked, context),
  }),
  tactic: (linked, context) => {
    const object = stixOf(linked, 'x-mitre-tactic');
    return { ...common(linked, context), type: 'tactic', shortname: object.x_mitre_shortname, order: context.index.tacticColumn(object.id) };
  },
  technique: (linked, context) => technique(linked, stixOf(linked, 'attack-pattern'), context),
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
  detectionstrategy: (linked, context) => ({
    ...common(linked, context),
    type: 'detectionstrategy',
    analytics: knownIds(stixOf(linked, 'x-mitre-detection-strategy').x_mitre_analytic_refs, linked, context),
  }),
  analytic: (linked, context) => analytic(linked, stixOf(linked, 'x-mitre-analytic'), context),
  datacomponent: (linked, context) => {
    const object = stixOf(linked, 'x-mitre-data-component');
    return {
      ...common(linked, context),
      type: 'datacomponent',
      dataSource: knownId(object.x_mitre_data_source_ref, context),
      logSources: (object.x_mitre_log_sources ?? []).map(({ name, channel }) => ({ name, channel })),
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
};

function technique(linked: Linked, object: Of<'attack-pattern'>, context: Context): ObjectOf<'technique'> {
  const { index, report } = context;
  const tactics = (object.kill_chain_phases ?? []).flatMap(({ kill_chain_name, phase_name }) => {
    const tactic = index.tacticOf(kill_chain_name, phase_name);
    if (!tactic && linked.status === 'active') {
      report.warn({ source: linked.source, objectId: object.id }, `${linked.attackId}: no tactic "${phase_name}" in ${kill_chain_name}`);
    }
    return tactic ? [tactic] : [];
  });
  tactics.sort(
    (a, b) => DOMAINS.indexOf(a.domains[0]!) - DOMAINS.indexOf(b.domains[0]!) || index.tacticColumn(a.object.id) - index.tacticColumn(b.object.id),
  );
  return {
    ...common(linked, context),
    type: 'technique',
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

function analytic(linked: Linked, object: Of<'x-mitre-analytic'>, context: Context): ObjectOf<'analytic'> {
  return {
    ...common(linked, context),
    type: 'analytic',
    detectionStrategy: context.index.detectionStrategyOf(object.id),
    platforms: list(object.x_mitre_platforms),
    logSources: (object.x_mitre_log_source_references ?? []).map((source) => ({
      dataComponent: source.x_mitre_data_component_ref,
      name: source.name,
      channel: source.channel,
    })),
    mutableElements: (object.x_mitre_mutable_elements ?? []).map(({ field, description }) => ({ field, description })),
  };
}
