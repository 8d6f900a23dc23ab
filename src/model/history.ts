/**
 * How objects change from one loaded release to the next, in the terms of mitreattack-python's
 * diffStix: each object falls in one category per pair of releases. The import computes it
 * (src/pipeline/stages/history.ts); object pages show it, changelog pages list it.
 */
import { z } from 'astro/zod';
import { domainSchema, statusSchema } from './attack.ts';
import { ALL_KINDS, type Kind } from './kinds.ts';

/** diffStix's categories, in its order, and what each means. */
export const CHANGE_CATEGORIES = {
  additions: 'objects only present in the newer release',
  major_version_changes: 'objects with a major version change (1.0 → 2.0)',
  minor_version_changes: 'objects with a minor version change (1.0 → 1.1)',
  other_version_changes: 'objects with a version change of any other kind (1.0 → 1.2)',
  patches: 'objects changed while keeping the same version (a typo, a URL, some metadata)',
  revocations: 'objects revoked by a different object',
  deprecations: 'objects deprecated and no longer in use, and not replaced',
  deletions: 'objects no longer found in the STIX data',
  unchanged: 'objects that did not change',
} as const;
export type ChangeCategory = keyof typeof CHANGE_CATEGORIES;
export const CATEGORY_NAMES = Object.keys(CHANGE_CATEGORIES) as ChangeCategory[];

const categorySchema = z.enum(CATEGORY_NAMES as [ChangeCategory, ...ChangeCategory[]]);
const kindSchema = z.enum(ALL_KINDS as [Kind, ...Kind[]]);

/** The object as one release holds it, or why it holds nothing. */
export const releaseStateSchema = z.object({
  release: z.string(),
  /** `absent`: the release's data covers the object's domains and it is not there; `no-data`: it loaded none of them. */
  presence: z.enum(['present', 'absent', 'no-data']),
  attackId: z.string().optional(),
  name: z.string().optional(),
  version: z.string().optional(),
  modified: z.string().optional(),
  status: statusSchema.optional(),
  /** STIX id of the final replacement, for revoked objects. */
  revokedBy: z.string().optional(),
  domains: z.array(domainSchema),
  /** The change against the release before, when there is one; none when there is nothing to say (still revoked). */
  change: categorySchema.optional(),
});
export type ReleaseState = z.infer<typeof releaseStateSchema>;

/** An object's states in every loaded release, oldest first. */
export const objectHistorySchema = z.object({
  /** STIX id. */
  id: z.string(),
  kind: kindSchema,
  states: z.array(releaseStateSchema),
});
export type ObjectHistory = z.infer<typeof objectHistorySchema>;

/** What changed between two consecutive loaded releases, per domain, kind and category: STIX ids. */
export const releaseChangesSchema = z.object({
  /** `<from>-<to>`: `18.0-18.1`. */
  id: z.string(),
  /** The older release. */
  from: z.string(),
  to: z.string(),
  domains: z.array(
    z.object({
      domain: domainSchema,
      kinds: z.array(z.object({ kind: kindSchema, categories: z.partialRecord(categorySchema, z.array(z.string())) })),
    }),
  ),
  /** Contributors named in the newer release and in none of the older one's objects. */
  newContributors: z.array(z.string()),
});
export type ReleaseChanges = z.infer<typeof releaseChangesSchema>;
