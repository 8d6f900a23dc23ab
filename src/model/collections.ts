/** Every collection the importer writes and the site reads, with its schema: one per kind, then the rest. */
import { z } from 'astro/zod';
import { KIND_SCHEMAS, relationshipSchema, releaseSchema, type ObjectOf } from './attack.ts';
import { ALL_KINDS, KINDS, type Collection, type Kind } from './kinds.ts';
import { noteSchema, vaultFileSchema } from './notes.ts';

type KindSchemas = { [K in Kind as (typeof KINDS)[K]['collection']]: (typeof KIND_SCHEMAS)[K] };

const OTHER_SCHEMAS = {
  relationships: relationshipSchema,
  releases: releaseSchema,
  notes: noteSchema,
  vaultfiles: vaultFileSchema,
};

export const COLLECTION_SCHEMAS = {
  ...(Object.fromEntries(ALL_KINDS.map((kind) => [KINDS[kind].collection, KIND_SCHEMAS[kind]])) as KindSchemas),
  ...OTHER_SCHEMAS,
};

export type CollectionName = keyof typeof COLLECTION_SCHEMAS;

/**
 * How many entries each collection has: the site reads only the non-empty ones (asking Astro for
 * an empty collection logs a misleading warning).
 */
export const manifestEntrySchema = z.object({ id: z.string(), count: z.number() });

/** The entries of every collection, as the importer writes them and the site reads them. */
export type Collections = { [K in CollectionName]: z.infer<(typeof COLLECTION_SCHEMAS)[K]>[] };

/** The objects of a kind in the collections. */
export function objectsOf<K extends Kind>(collections: Pick<Collections, Collection>, kind: K): ObjectOf<K>[] {
  return collections[KINDS[kind].collection] as ObjectOf<K>[];
}
