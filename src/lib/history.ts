/**
 * The history of the loaded releases as the pages need it: each object's states by STIX id, the
 * objects it absorbed (revoked in its favour), and the changes of each pair of releases.
 */
import type { ChangeCategory, ObjectHistory, ReleaseChanges, ReleaseState } from '../model/history.ts';
import { pushTo } from './lists-by-key.ts';

export interface Absorbed {
  history: ObjectHistory;
  /** The state in which it became revoked. */
  revoked: ReleaseState;
}

export class HistoryIndex {
  /** Loaded releases, oldest first; the last is the live one. */
  readonly releases: string[];
  readonly changes: ReleaseChanges[];
  private readonly byId = new Map<string, ObjectHistory>();
  private readonly absorbedBy = new Map<string, Absorbed[]>();

  constructor(histories: ObjectHistory[], changes: ReleaseChanges[], releases: string[]) {
    this.releases = releases;
    this.changes = changes;
    for (const history of histories) {
      this.byId.set(history.id, history);
      const revoked = history.states.find((state) => state.change === 'revocations');
      if (revoked?.revokedBy) pushTo(this.absorbedBy, revoked.revokedBy, { history, revoked });
    }
  }

  /** Every object's history, in STIX id order. */
  objects(): Iterable<ObjectHistory> {
    return this.byId.values();
  }

  get(stixId: string): ObjectHistory | undefined {
    return this.byId.get(stixId);
  }

  /** Objects revoked in favour of this one, in the order they were revoked. */
  absorbed(stixId: string): Absorbed[] {
    return this.absorbedBy.get(stixId) ?? [];
  }

  /** The object's state in a release. */
  stateIn(stixId: string, release: string): ReleaseState | undefined {
    return this.byId.get(stixId)?.states.find((state) => state.release === release);
  }

  /** The release in which the object's change was of this category (revoked in 17.0), when a loaded pair shows it. */
  changedIn(stixId: string, category: ChangeCategory): string | undefined {
    return this.byId.get(stixId)?.states.find((state) => state.change === category)?.release;
  }

  /** The changes between a release and the one before it. */
  changesInto(release: string): ReleaseChanges | undefined {
    return this.changes.find((change) => change.to === release);
  }
}

/** Categories that a page of differences explains: the object is in both releases and changed. */
export const DIFFED_CATEGORIES: ReadonlySet<ChangeCategory> = new Set([
  'major_version_changes',
  'minor_version_changes',
  'other_version_changes',
  'patches',
  'revocations',
  'deprecations',
]);

/** Pairs (older, newer) of consecutive releases in which the object changed enough to have a page of differences. */
export function diffedPairs(history: ObjectHistory): [ReleaseState, ReleaseState][] {
  return history.states.flatMap((state, index) => {
    const previous = history.states[index - 1];
    return previous?.presence === 'present' && state.change && DIFFED_CATEGORIES.has(state.change) ? [[previous, state]] : [];
  });
}
