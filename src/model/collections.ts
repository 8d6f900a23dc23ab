/** Every collection the import script writes and the site reads, with its schema. */
import { z } from 'astro/zod';
import {
  analyticSchema,
  assetSchema,
  campaignSchema,
  dataComponentSchema,
  dataSourceSchema,
  detectionStrategySchema,
  groupSchema,
  matrixSchema,
  mitigationSchema,
  relationshipSchema,
  releaseSchema,
  softwareSchema,
  tacticSchema,
  techniqueSchema,
} from './attack.ts';
import { noteSchema, vaultFileSchema } from './notes.ts';

export const COLLECTION_SCHEMAS = {
  techniques: techniqueSchema,
  tactics: tacticSchema,
  mitigations: mitigationSchema,
  groups: groupSchema,
  software: softwareSchema,
  campaigns: campaignSchema,
  datasources: dataSourceSchema,
  datacomponents: dataComponentSchema,
  detectionstrategies: detectionStrategySchema,
  analytics: analyticSchema,
  assets: assetSchema,
  matrices: matrixSchema,
  relationships: relationshipSchema,
  releases: releaseSchema,
  notes: noteSchema,
  vaultfiles: vaultFileSchema,
} as const;

export type CollectionName = keyof typeof COLLECTION_SCHEMAS;

/**
 * How many entries each collection has: the site reads only the non-empty ones (asking Astro for
 * an empty collection logs a misleading warning).
 */
export const manifestEntrySchema = z.object({ id: z.string(), count: z.number() });
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** The entries of every collection, as the importer writes them and the site reads them. */
export type Collections = { [K in CollectionName]: z.infer<(typeof COLLECTION_SCHEMAS)[K]>[] };
