/**
 * Old names and ids: what each object of the live release was called in every loaded release,
 * and the revoked objects it replaced there, so that `Bash History` (renamed Shell History) and
 * `DLL Side-Loading` (revoked into T1574.001) still find the object.
 */
import { OBJECT_PAGE_KINDS } from '../../model/kinds.ts';
import type { AttackObject } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import type { FormerName } from './name-file.ts';

/** Former names and ids, by STIX id of the active object of the latest release that they now lead to. */
export function formerNames(releases: AttackGraph[]): Map<string, FormerName[]> {
  const latest = releases.at(-1);
  const former = new Map<string, FormerName[]>();
  if (!latest) return former;
  for (const graph of releases) {
    for (const kind of OBJECT_PAGE_KINDS) {
      for (const object of graph.all(kind)) {
        const current = currentObject(object, latest);
        if (!current || (current.name === object.name && current.attackId === object.attackId)) continue;
        const names = former.get(current.id) ?? [];
        if (!names.some(({ name, id }) => name === object.name && id === object.attackId)) names.push({ name: object.name, id: object.attackId });
        former.set(current.id, names);
      }
    }
  }
  return former;
}

/** The active object of the latest release that an object of any release leads to: itself, or what replaced it. */
function currentObject(object: AttackObject, latest: AttackGraph): AttackObject | undefined {
  if (object.status === 'deprecated') return undefined;
  const now = latest.get(object.status === 'revoked' ? (object.revokedBy ?? '') : object.id);
  const current = now?.status === 'revoked' ? latest.replacementOf(now) : now;
  return current?.status === 'active' ? current : undefined;
}
