/**
 * Citations are resolved against the references of the object or relationship whose text holds
 * them. One that names no such reference stays plain text on the page; here it becomes a warning.
 */
import type { Reference } from '../../model/attack.ts';
import type { ReleaseCollections } from '../../model/collections.ts';
import type { ImportReport } from '../report.ts';

interface Owner {
  id: string;
  references: Reference[];
}

/** `sourceOf` names the file or URL each object and relationship came from. */
export function checkCitations(
  collections: ReleaseCollections,
  report: ImportReport,
  sourceOf: (stixId: string) => string | undefined,
): void {
  const { releases, relationships, ...objects } = collections;
  const attackIds = new Map(Object.values(objects).flatMap((entries) => entries.map((o) => [o.id, o.attackId] as const)));
  const describe = (id: string) => attackIds.get(id) ?? id;
  const warn = (owner: Owner, label: string) => {
    for (const cited of unresolvedCitations(owner)) {
      report.warn({ source: sourceOf(owner.id), objectId: owner.id }, `${label}: no reference for (Citation: ${cited})`);
    }
  };
  for (const entries of Object.values(objects)) {
    for (const object of entries) warn(object, object.attackId);
  }
  for (const relationship of relationships) {
    warn(relationship, `${relationship.type} relationship ${describe(relationship.source)} → ${describe(relationship.target)}`);
  }
}

function unresolvedCitations(owner: Owner): string[] {
  const known = new Set(owner.references.map((ref) => ref.name));
  return [...new Set(citedNames(owner))].filter((cited) => !known.has(cited));
}

/** Every name cited anywhere in the entry's rich texts. */
export function citedNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(citedNames);
  if (typeof value !== 'object' || value === null) return [];
  if ('cite' in value && typeof value.cite === 'string') return [value.cite];
  return Object.values(value).flatMap(citedNames);
}
