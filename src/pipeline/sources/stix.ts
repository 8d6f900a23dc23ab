/**
 * The STIX input the importer reads: for each object type it knows, the fields it uses and their
 * types. Unknown fields are ignored; a known field of the wrong type is an error naming the field.
 */
import { z } from 'astro/zod';

const text = z.string().optional();
const flag = z.boolean().optional();
const strings = z.array(z.string()).optional();

const externalReference = z.looseObject({
  source_name: z.string(),
  description: text,
  url: text,
  external_id: text,
});
export type ExternalReference = z.infer<typeof externalReference>;

const common = {
  id: z.string(),
  name: z.string(),
  description: text,
  created: text,
  modified: text,
  revoked: flag,
  x_mitre_deprecated: flag,
  x_mitre_version: text,
  x_mitre_domains: strings,
  x_mitre_contributors: strings,
  external_references: z.array(externalReference).optional(),
};

const logSource = { name: z.string(), channel: z.string() };

export const stixSchemas = {
  'attack-pattern': z.looseObject({
    ...common,
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
  }),
  'x-mitre-tactic': z.looseObject({ ...common, x_mitre_shortname: z.string() }),
  'course-of-action': z.looseObject({ ...common, labels: strings }),
  'intrusion-set': z.looseObject({ ...common, aliases: strings }),
  malware: z.looseObject({ ...common, x_mitre_aliases: strings, x_mitre_platforms: strings }),
  tool: z.looseObject({ ...common, x_mitre_aliases: strings, x_mitre_platforms: strings }),
  campaign: z.looseObject({
    ...common,
    aliases: strings,
    first_seen: text,
    last_seen: text,
    x_mitre_first_seen_citation: text,
    x_mitre_last_seen_citation: text,
  }),
  'x-mitre-data-source': z.looseObject({
    ...common,
    x_mitre_platforms: strings,
    x_mitre_collection_layers: strings,
  }),
  'x-mitre-data-component': z.looseObject({
    ...common,
    x_mitre_data_source_ref: text,
    x_mitre_log_sources: z.array(z.looseObject(logSource)).optional(),
  }),
  'x-mitre-detection-strategy': z.looseObject({ ...common, x_mitre_analytic_refs: strings }),
  'x-mitre-analytic': z.looseObject({
    ...common,
    x_mitre_platforms: strings,
    x_mitre_log_source_references: z
      .array(z.looseObject({ ...logSource, x_mitre_data_component_ref: z.string() }))
      .optional(),
    x_mitre_mutable_elements: z.array(z.looseObject({ field: z.string(), description: z.string() })).optional(),
  }),
  'x-mitre-asset': z.looseObject({
    ...common,
    x_mitre_platforms: strings,
    x_mitre_sectors: strings,
    x_mitre_related_assets: z
      .array(z.looseObject({ name: z.string(), related_asset_sectors: strings, description: text }))
      .optional(),
  }),
  'x-mitre-matrix': z.looseObject({ ...common, tactic_refs: strings }),
  relationship: z.looseObject({
    id: z.string(),
    relationship_type: z.string(),
    source_ref: z.string(),
    target_ref: z.string(),
    description: text,
    revoked: flag,
    x_mitre_deprecated: flag,
    external_references: z.array(externalReference).optional(),
  }),
};

export type StixType = keyof typeof stixSchemas;
export type StixObjectOf<T extends StixType> = z.infer<(typeof stixSchemas)[T]>;
export type StixObject = { [T in StixType]: StixObjectOf<T> & { type: T } }[StixType];

export function isKnownType(type: unknown): type is StixType {
  return typeof type === 'string' && Object.hasOwn(stixSchemas, type);
}

/** Parses one raw object; returns the problems as `field: message` lines when it does not fit. */
export function parseStixObject(
  raw: Record<string, unknown>,
): { object: StixObject } | { problems: string[] } {
  const type = raw.type;
  if (!isKnownType(type)) return { problems: [`unknown type ${String(type)}`] };
  const result = stixSchemas[type].safeParse(raw);
  if (result.success) return { object: { ...result.data, type } as StixObject };
  return {
    problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(object)'}: ${issue.message}`),
  };
}
