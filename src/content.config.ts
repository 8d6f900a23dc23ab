/**
 * The content collections the pages read: one per collection the import script writes
 * (`npm run import`), checked against the same schemas the importer used.
 */
import { defineCollection } from 'astro:content';
import type { z } from 'astro/zod';
import { generatedCollection } from './lib/generated-loader.ts';
import * as model from './model/attack.ts';
import { manifestEntrySchema, type CollectionName } from './model/collections.ts';
import { noteSchema, vaultFileSchema } from './model/notes.ts';

function generated<S extends z.ZodType>(name: CollectionName | 'manifest', schema: S) {
  return defineCollection({ loader: generatedCollection(name), schema });
}

export const collections = {
  techniques: generated('techniques', model.techniqueSchema),
  tactics: generated('tactics', model.tacticSchema),
  mitigations: generated('mitigations', model.mitigationSchema),
  groups: generated('groups', model.groupSchema),
  software: generated('software', model.softwareSchema),
  campaigns: generated('campaigns', model.campaignSchema),
  datasources: generated('datasources', model.dataSourceSchema),
  datacomponents: generated('datacomponents', model.dataComponentSchema),
  detectionstrategies: generated('detectionstrategies', model.detectionStrategySchema),
  analytics: generated('analytics', model.analyticSchema),
  assets: generated('assets', model.assetSchema),
  matrices: generated('matrices', model.matrixSchema),
  relationships: generated('relationships', model.relationshipSchema),
  releases: generated('releases', model.releaseSchema),
  notes: generated('notes', noteSchema),
  vaultfiles: generated('vaultfiles', vaultFileSchema),
  manifest: generated('manifest', manifestEntrySchema),
} satisfies Record<CollectionName | 'manifest', unknown>;
