/**
 * Merging: the objects of every bundle, checked against the STIX input schemas, as one set keyed by
 * STIX id. An object found in several bundles is kept once, with the union of their domains.
 */
import type { Domain } from '../../model/attack.ts';
import type { Bundle } from '../sources/bundles.ts';
import type { ImportReport } from '../report.ts';
import { isKnownType, parseStixObject, type StixObject } from '../sources/stix.ts';

export interface Found<T extends StixObject = StixObject> {
  object: T;
  /** The file or URL the kept copy came from. */
  source: string;
  domains: Domain[];
}

export function mergeBundles(bundles: Bundle[], report: ImportReport): Map<string, Found> {
  const merged = new Map<string, Found>();
  for (const bundle of bundles) {
    for (const [index, raw] of bundle.objects.entries()) {
      if (!isKnownType(raw.type)) continue;
      const parsed = parseStixObject(raw);
      if ('problems' in parsed) {
        const objectId = typeof raw.id === 'string' ? raw.id : `objects[${index}], a ${raw.type} without id`;
        for (const problem of parsed.problems) report.error({ source: bundle.source, objectId }, problem);
        continue;
      }
      addFound(merged, { object: parsed.object, source: bundle.source, domains: [bundle.domain] }, report);
    }
  }
  report.throwIfErrors();
  return merged;
}

function addFound(merged: Map<string, Found>, found: Found, report: ImportReport): void {
  const id = found.object.id;
  const existing = merged.get(id);
  if (!existing) {
    merged.set(id, found);
    return;
  }
  if (existing.object.type !== found.object.type) {
    const where = existing.source === found.source ? 'earlier in this bundle' : `in ${existing.source}`;
    report.error(
      { source: found.source, objectId: id },
      `one STIX id for two objects, of types ${found.object.type} (here) and ${existing.object.type} (${where})`,
    );
    return;
  }
  const domains = [...new Set([...existing.domains, ...found.domains])];
  const newer = modified(found.object) > modified(existing.object) ? found : existing;
  merged.set(id, { ...newer, domains });
}

function modified(object: StixObject): string {
  return ('modified' in object && typeof object.modified === 'string' && object.modified) || '';
}
