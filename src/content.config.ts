/**
 * The content collections the pages read: one per ATT&CK collection the import script writes
 * (`npm run import`), checked against the same schemas the importer used.
 */
import { defineCollection } from 'astro:content';
import { attackCollections, type CollectionName } from './model/attack.ts';
import { generatedCollection } from './lib/generated-loader.ts';

export const collections = Object.fromEntries(
  Object.entries(attackCollections).map(([name, schema]) => [
    name,
    defineCollection({ loader: generatedCollection(name as CollectionName), schema }),
  ]),
) as { [K in CollectionName]: ReturnType<typeof defineCollection<(typeof attackCollections)[K]>> };
