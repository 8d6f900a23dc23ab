/**
 * Normalizing: turns each linked STIX object into the site's model (src/model/attack.ts) with its
 * kind's normalizer (kind-readers.ts), renders its texts, and keeps the relationships the pages
 * show (both ends loaded and active).
 */
import { RELATIONSHIP_TYPES, type AttackObject, type Relationship } from '../../model/attack.ts';
import type { ReleaseCollections } from '../../model/collections.ts';
import { ALL_KINDS, KINDS } from '../../model/kinds.ts';
import type { createMarkdownRenderer } from '../render/markdown.ts';
import type { ImportReport } from '../report.ts';
import { references, sortDomains, type Context } from './fields.ts';
import { NORMALIZERS } from './kind-readers.ts';
import type { AttackIndex, StixRelationship } from './link.ts';
import type { Found } from './merge.ts';

/** The collections of ATT&CK objects and relationships (not the releases, nor the vault). */
export type ObjectCollections = Omit<ReleaseCollections, 'releases'>;

export function normalize(index: AttackIndex, markdown: ReturnType<typeof createMarkdownRenderer>, report: ImportReport): ObjectCollections {
  const context: Context = { index, markdown, report, parents: subtechniqueParents(index) };
  const collections = {
    ...Object.fromEntries(ALL_KINDS.map((kind) => [KINDS[kind].collection, []])),
    relationships: normalizeRelationships(context),
  } as unknown as ObjectCollections;
  for (const linked of index.objects.values()) {
    (collections[KINDS[linked.type].collection] as AttackObject[]).push(NORMALIZERS[linked.type](linked, context));
  }
  // Sorted by id so that the output does not depend on the order of objects in the bundles.
  for (const entries of Object.values(collections)) entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return collections;
}

function normalizeRelationships({ index, markdown, report }: Context): Relationship[] {
  const kept: Relationship[] = [];
  const skippedTypes = new Map<string, number>();
  for (const found of index.relationships) {
    const { object } = found;
    const type = RELATIONSHIP_TYPES.find((known) => known === object.relationship_type);
    if (!type) {
      skippedTypes.set(object.relationship_type, (skippedTypes.get(object.relationship_type) ?? 0) + 1);
      continue;
    }
    if (object.revoked || object.x_mitre_deprecated) continue;
    const ends = [object.source_ref, object.target_ref].map((id) => index.get(id));
    const missing = [object.source_ref, object.target_ref].filter((_, i) => !ends[i]);
    if (missing.length > 0) {
      report.warn({ source: found.source, objectId: object.id }, `${type} relationship to missing ${missing.join(', ')}`);
      continue;
    }
    if (ends.some((end) => end!.status !== 'active')) continue;
    const description = markdown.renderDescription(object.description, { source: found.source, objectId: object.id });
    kept.push({
      id: object.id,
      type,
      source: object.source_ref,
      target: object.target_ref,
      description: description.rich,
      descriptionText: description.text,
      references: references(object.external_references),
      domains: sortDomains(found.domains),
    });
  }
  for (const [type, count] of skippedTypes) {
    report.warn({}, `${count} relationships of type "${type}" are not shown`);
  }
  return kept;
}

function subtechniqueParents(index: AttackIndex): Map<string, string> {
  const parents = new Map<string, string>();
  for (const { object } of index.relationships as Found<StixRelationship>[]) {
    if (object.relationship_type === 'subtechnique-of' && !object.revoked && index.get(object.target_ref)) {
      parents.set(object.source_ref, object.target_ref);
    }
  }
  return parents;
}
