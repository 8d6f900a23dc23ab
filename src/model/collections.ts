/**
 * The collections the importer writes and the site reads. Each loaded ATT&CK release has its own
 * (one per kind, its relationships and the bundles it came from); beside them are the team's vault
 * and the detection content, linked against the latest release, and the history of every object
 * across the releases. Zod schemas check every entry before it is written.
 */
import { z } from 'astro/zod';
import { KIND_SCHEMAS, relationshipSchema, releaseSchema, type ObjectOf } from './attack.ts';
import { ALL_KINDS, KINDS, type Collection, type Kind } from './kinds.ts';
import { objectHistorySchema, releaseChangesSchema } from './history.ts';
import { noteSchema, vaultFileSchema } from './notes.ts';
import { atomicTestSchema, detectionSourceSchema, sigmaRuleSchema } from './detections.ts';

type KindSchemas = { [K in Kind as (typeof KINDS)[K]['collection']]: (typeof KIND_SCHEMAS)[K] };

/** The collections of one release. */
export const RELEASE_SCHEMAS = {
  ...(Object.fromEntries(ALL_KINDS.map((kind) => [KINDS[kind].collection, KIND_SCHEMAS[kind]])) as KindSchemas),
  relationships: relationshipSchema,
  /** The bundles the release was read from. */
  releases: releaseSchema,
};

/** The collections of the team's vault. */
export const VAULT_SCHEMAS = {
  notes: noteSchema,
  vaultfiles: vaultFileSchema,
};

/** What changed between the loaded releases (src/model/history.ts). */
export const HISTORY_SCHEMAS = {
  history: objectHistorySchema,
  changes: releaseChangesSchema,
};

/** The team's detection content (Sigma rules, Atomic Red Team tests), linked against the latest release. */
export const DETECTION_SCHEMAS = {
  sigmarules: sigmaRuleSchema,
  atomictests: atomicTestSchema,
  detectionsources: detectionSourceSchema,
};

/** The collections beside the releases': the vault's, the history's and the detection content's. */
export const SHARED_SCHEMAS = { ...VAULT_SCHEMAS, ...HISTORY_SCHEMAS, ...DETECTION_SCHEMAS };

export const COLLECTION_SCHEMAS = { ...RELEASE_SCHEMAS, ...SHARED_SCHEMAS };

export type CollectionName = keyof typeof COLLECTION_SCHEMAS;
type EntriesOf<S extends Record<string, z.ZodType>> = { [K in keyof S]: z.infer<S[K]>[] };

export type ReleaseCollections = EntriesOf<typeof RELEASE_SCHEMAS>;
export type VaultCollections = EntriesOf<typeof VAULT_SCHEMAS>;
export type HistoryCollections = EntriesOf<typeof HISTORY_SCHEMAS>;
export type DetectionCollections = EntriesOf<typeof DETECTION_SCHEMAS>;
export type SharedCollections = EntriesOf<typeof SHARED_SCHEMAS>;
/** What the live site shows: the latest release with the vault and the detection content. */
export type Collections = ReleaseCollections & VaultCollections & DetectionCollections;

/** What was written: the releases, oldest first (the last is the live one), and how much each holds. */
export const manifestSchema = z.object({
  releases: z.array(z.object({ release: z.string(), counts: z.record(z.string(), z.number()) })),
  /** How many entries each collection beside the releases' holds. */
  shared: z.record(z.string(), z.number()),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** The objects of a kind in a release's collections. */
export function objectsOf<K extends Kind>(collections: Pick<ReleaseCollections, Collection>, kind: K): ObjectOf<K>[] {
  return collections[KINDS[kind].collection] as ObjectOf<K>[];
}

/** Release numbers in order: 9.0 < 16.1 < 17.0 < 18.1; names that are not numbers come after, alphabetically. */
export function compareReleases(a: string, b: string): number {
  const parts = (release: string) => release.split('.').map(Number);
  const [left, right] = [parts(a), parts(b)];
  const numeric = (values: number[]) => values.every((value) => Number.isInteger(value));
  if (!numeric(left) || !numeric(right)) return Number(numeric(right)) - Number(numeric(left)) || a.localeCompare(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
