/**
 * Citations are resolved against the references of the object or relationship whose text holds
 * them. One that names no such reference stays plain text on the page; here it becomes a warning.
 */
import type { Reference } from '../../src/model/attack.ts';
import type { Collections } from '../../src/model/collections.ts';
import type { ImportReport } from './report.ts';

interface Owner {
  id: string;
  references: Reference[];
}

export function checkCitations(collections: Collections, report: ImportReport): void {
  const { releases, relationships, notes, vaultfiles, ...objects } = collections;
  const attackIds = new Map(Object.values(objects).flatMap((entries) => entries.map((o) => [o.id, o.attackId] as const)));
  const describe = (id: string) => attackIds.get(id) ?? id;
  for (const entries of Object.values(objects)) {
    for (const object of entries) warnUnresolved(object, object.attackId, report);
  }
  for (const relationship of relationships) {
    const label = `${relationship.type} relationship ${describe(relationship.source)} → ${describe(relationship.target)}`;
    warnUnresolved(relationship, label, report);
  }
}

function warnUnresolved(owner: Owner, label: string, report: ImportReport): void {
  const known = new Set(owner.references.map((ref) => ref.name));
  for (const cited of new Set(citedNames(owner))) {
    if (!known.has(cited)) report.warn({ objectId: owner.id }, `${label}: no reference for (Citation: ${cited})`);
  }
}

/** Every name cited anywhere in the entry's rich texts. */
export function citedNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(citedNames);
  if (typeof value !== 'object' || value === null) return [];
  if ('cite' in value && typeof value.cite === 'string') return [value.cite];
  return Object.values(value).flatMap(citedNames);
}
