/**
 * The model shared by every ATT&CK object: domains, references, rich text, status, the common
 * fields, relationships and releases. Each kind's own schema is in the kinds registry
 * (src/model/kinds.ts). The importer validates what it writes against these schemas.
 *
 * Objects refer to each other by STIX id; every object carries its own site `path`.
 */
import { z } from 'astro/zod';
import { DOMAINS } from './domains.ts';
import { KINDS, type Kind } from './kinds.ts';
import { sitePathSchema } from './site-path.ts';

export { DOMAINS, DOMAIN_LABELS, DOMAIN_SLUGS, type Domain } from './domains.ts';

export const domainSchema = z.enum(DOMAINS);

/** A source that texts cite as `(Citation: name)`. */
export const referenceSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  url: z.string().optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

/**
 * Sanitized HTML cut at its tokens: what a page fills in when it renders. `{ cite }` marks where
 * `(Citation: name)` stood, so that each page can number its citations in order of appearance;
 * `{ href }` and `{ src }` are the URLs of links and images of this site, written under the
 * page's base path. No other markup is added to the HTML after it was sanitized.
 */
export const richTextSchema = z.array(
  z.union([
    z.string(),
    z.object({ cite: z.string() }),
    z.object({ href: sitePathSchema }),
    z.object({ src: sitePathSchema }),
  ]),
);
export type RichText = z.infer<typeof richTextSchema>;
export type RichTextToken = Exclude<RichText[number], string>;

export const statusSchema = z.enum(['active', 'deprecated', 'revoked']);
export type Status = z.infer<typeof statusSchema>;

const strings = z.array(z.string());

/** The fields of every ATT&CK object; each kind's schema (src/model/kinds.ts) adds its own. */
export const objectFields = {
  /** STIX id, the key every reference uses. */
  id: z.string(),
  attackId: z.string(),
  name: z.string(),
  /** The object's page (or anchor, for analytics). */
  path: sitePathSchema,
  description: richTextSchema,
  /** First paragraph of the description, without citations: for tables and lists. */
  summary: richTextSchema,
  /** Plain-text start of the description: for meta descriptions. */
  excerpt: z.string(),
  /** The whole description as plain text, without citations: what changed between releases is diffed on it. */
  text: z.string(),
  references: z.array(referenceSchema),
  domains: z.array(domainSchema).min(1),
  status: statusSchema,
  /** For revoked objects: STIX id of the final replacement, after following revocation chains. */
  revokedBy: z.string().optional(),
  version: z.string().optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  contributors: strings,
};

/** An alias with what the data says about it (the description of the same-named reference). */
export const aliasSchema = z.object({ name: z.string(), description: richTextSchema });
const logSourceSchema = z.object({ name: z.string(), channel: z.string() });

/** The schema of each kind's objects: the common fields and the kind's own. */
export const KIND_SCHEMAS = {
  matrix: z.object({
    ...objectFields,
    type: z.literal('matrix'),
    /** STIX ids of the tactics, as matrix columns. */
    tactics: strings,
  }),
  tactic: z.object({
    ...objectFields,
    type: z.literal('tactic'),
    shortname: z.string(),
    /** Column of the tactic in its domain's matrix; tactics outside any matrix come last. */
    order: z.number(),
  }),
  technique: z.object({
    ...objectFields,
    type: z.literal('technique'),
    isSubtechnique: z.boolean(),
    /** STIX id of the parent technique, for sub-techniques. */
    parent: z.string().optional(),
    /** STIX ids of the tactics, in domain then matrix order. */
    tactics: strings,
    platforms: strings,
    permissionsRequired: strings,
    effectivePermissions: strings,
    defenseBypassed: strings,
    systemRequirements: strings,
    impactType: strings,
    tacticType: strings,
    dataSources: strings,
    remoteSupport: z.boolean().optional(),
    capecIds: strings,
    mtcIds: strings,
    /** The detection text of releases before detection strategies existed. */
    legacyDetection: richTextSchema,
  }),
  mitigation: z.object({
    ...objectFields,
    type: z.literal('mitigation'),
    /** Security control references (ICS mitigations carry e.g. "IEC 62443-3-3:2013 - SR 5.1"). */
    securityControls: strings,
  }),
  group: z.object({ ...objectFields, type: z.literal('group'), aliases: z.array(aliasSchema) }),
  software: z.object({
    ...objectFields,
    type: z.literal('software'),
    softwareType: z.enum(KINDS.software.stixTypes),
    aliases: z.array(aliasSchema),
    platforms: strings,
  }),
  campaign: z.object({
    ...objectFields,
    type: z.literal('campaign'),
    aliases: z.array(aliasSchema),
    firstSeen: z.string().optional(),
    lastSeen: z.string().optional(),
    firstSeenCitation: richTextSchema,
    lastSeenCitation: richTextSchema,
  }),
  detectionstrategy: z.object({
    ...objectFields,
    type: z.literal('detectionstrategy'),
    /** STIX ids of the strategy's analytics, in the order the data lists them. */
    analytics: strings,
  }),
  analytic: z.object({
    ...objectFields,
    type: z.literal('analytic'),
    /** STIX id of the detection strategy whose page shows this analytic. */
    detectionStrategy: z.string().optional(),
    platforms: strings,
    logSources: z.array(logSourceSchema.extend({ dataComponent: z.string() })),
    mutableElements: z.array(z.object({ field: z.string(), description: z.string() })),
  }),
  datacomponent: z.object({
    ...objectFields,
    type: z.literal('datacomponent'),
    /** STIX id of the (legacy) data source the component belongs to. */
    dataSource: z.string().optional(),
    logSources: z.array(logSourceSchema),
  }),
  datasource: z.object({
    ...objectFields,
    type: z.literal('datasource'),
    platforms: strings,
    collectionLayers: strings,
  }),
  asset: z.object({
    ...objectFields,
    type: z.literal('asset'),
    platforms: strings,
    sectors: strings,
    relatedAssets: z.array(z.object({ name: z.string(), sectors: strings, description: richTextSchema })),
  }),
} satisfies { [K in Kind]: z.ZodObject };

export type ObjectOf<K extends Kind> = z.infer<(typeof KIND_SCHEMAS)[K]>;
export type AttackObject = { [K in Kind]: ObjectOf<K> }[Kind];

export type Technique = ObjectOf<'technique'>;
export type Tactic = ObjectOf<'tactic'>;
export type Mitigation = ObjectOf<'mitigation'>;
export type Group = ObjectOf<'group'>;
export type Software = ObjectOf<'software'>;
export type Campaign = ObjectOf<'campaign'>;
export type DataSource = ObjectOf<'datasource'>;
export type DataComponent = ObjectOf<'datacomponent'>;
export type DetectionStrategy = ObjectOf<'detectionstrategy'>;
export type Analytic = ObjectOf<'analytic'>;
export type Asset = ObjectOf<'asset'>;
export type Matrix = ObjectOf<'matrix'>;

export const RELATIONSHIP_TYPES = [
  'uses',
  'mitigates',
  'detects',
  'subtechnique-of',
  'attributed-to',
  'targets',
] as const;

export const relationshipSchema = z.object({
  id: z.string(),
  type: z.enum(RELATIONSHIP_TYPES),
  source: z.string(),
  target: z.string(),
  description: richTextSchema,
  /** The description as plain text without citations (Navigator layer comments). */
  descriptionText: z.string(),
  references: z.array(referenceSchema),
  domains: z.array(domainSchema).min(1),
});

/** A bundle that was loaded: its source (file or URL) is the id. */
export const releaseSchema = z.object({
  id: z.string(),
  domain: domainSchema,
  release: z.string(),
  specVersion: z.enum(['2.0', '2.1']),
  objectCount: z.number(),
  /** The copyright statement of the bundle's marking definition. */
  copyright: z.string().optional(),
});

export type Relationship = z.infer<typeof relationshipSchema>;
export type Release = z.infer<typeof releaseSchema>;
