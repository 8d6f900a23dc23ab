/**
 * Citations are resolved against the references of the object or relationship whose text holds
 * them. One that names no such reference stays plain text on the page; here it becomes a warning.
 */
import type { Collections } from '../../src/model/attack.ts';
import type { ImportReport } from './report.ts';

export function checkCitations(collections: Collections, report: ImportReport): void {
  for (const [name, entries] of Object.entries(collections)) {
    if (name === 'releases') continue;
    for (const entry of entries as { id: string; attackId?: string; references?: { name: string }[] }[]) {
      const known = new Set(entry.references?.map((ref) => ref.name));
      for (const cited of new Set(citedNames(entry))) {
        if (!known.has(cited)) {
          report.warn({ objectId: entry.id }, `${entry.attackId ?? 'relationship'}: no reference for (Citation: ${cited})`);
        }
      }
    }
  }
}

/** Every name cited anywhere in the entry's rich texts. */
export function citedNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(citedNames);
  if (typeof value !== 'object' || value === null) return [];
  if ('cite' in value && typeof value.cite === 'string') return [value.cite];
  return Object.values(value).flatMap(citedNames);
}
