/**
 * The content collections the pages read: one per collection the importer writes
 * (src/model/collections.ts), checked against the same schemas the importer used.
 */
import { defineCollection } from 'astro:content';
import { generatedCollection } from './lib/generated-loader.ts';
import { COLLECTION_SCHEMAS, manifestEntrySchema } from './model/collections.ts';

export const collections = {
  ...Object.fromEntries(
    Object.entries(COLLECTION_SCHEMAS).map(([name, schema]) => [
      name,
      defineCollection({ loader: generatedCollection(name as keyof typeof COLLECTION_SCHEMAS), schema }),
    ]),
  ),
  manifest: defineCollection({ loader: generatedCollection('manifest'), schema: manifestEntrySchema }),
};
