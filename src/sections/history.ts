/**
 * History: the object in every loaded release (its id, name, version, last modification and what
 * changed since the release before, linked to the page of differences), with its lineage: the
 * names it had and the objects it absorbed. On the live site only: a frozen page shows one release.
 */
import { diffedPairs } from '../lib/history.ts';
import { CHANGE_LABELS } from '../lib/pages/changes.ts';
import { formatDate, type CardValue, type Link, type PageContext } from '../lib/pages/common.ts';
import { href, paths, type SitePath } from '../lib/paths.ts';
import { url } from '../lib/site.ts';
import type { ObjectHistory, ReleaseState } from '../model/history.ts';
import { hasObjectPage, type Kind, type ObjectPageKind } from '../model/kinds.ts';
import type { Section } from './types.ts';


export const releaseHistory: Section<ObjectPageKind, ReleaseState> = {
  id: 'history',
  title: 'History',
  always: true,
  rows: (object, { history }) => history?.get(object.id)?.states ?? [],
  view: (states, heading, object, page) => {
    const history = page.history?.get(object.id);
    if (!history || states.length < 2) return undefined;
    const diffed = new Set(diffedPairs(history).map(([, newer]) => newer.release));
    return {
      view: 'table',
      ...heading,
      caption: `${object.attackId} in each loaded release`,
      headers: ['Release', 'ID', 'Name', 'Version', 'Last modified', 'Change'],
      note: nonEmpty(lineage(history, page)),
      rows: states.map((state, index) => ({
        cells: [
          releaseCell(history.kind, state),
          state.attackId ?? '',
          state.name ?? '',
          state.version ?? '',
          formatDate(state.modified) ?? '',
          changeCell(history, state, states[index - 1], diffed.has(state.release), page),
        ],
      })),
      unindexed: true,
    };
  },
};

/** The release, linked to the object's frozen page in it when it has one. */
function releaseCell(kind: Kind, state: ReleaseState): CardValue {
  const path = state.presence === 'present' && state.attackId && hasObjectPage(kind) ? paths.object(kind, state.attackId) : undefined;
  return path ? { text: state.release, href: url(`${paths.version(state.release)}${path.slice(1)}` as SitePath) } : state.release;
}

function changeCell(history: ObjectHistory, state: ReleaseState, previous: ReleaseState | undefined, diffed: boolean, page: PageContext): CardValue {
  if (state.presence === 'no-data') return 'Not in this release’s data';
  if (!previous) return 'Earliest loaded release';
  if (previous.presence === 'no-data') return 'First release whose data has its domain';
  if (!state.change) return state.status === 'revoked' ? 'Still revoked' : state.status === 'deprecated' ? 'Still deprecated' : '';
  const versions = previous?.version && state.version && previous.version !== state.version ? ` (${previous.version} → ${state.version})` : '';
  const label = `${CHANGE_LABELS[state.change]}${versions}`;
  const parts: CardValue = [diffed && previous && hasObjectPage(history.kind) ? diffLink(history.kind, previous, state, label) : label];
  const replacement = state.change === 'revocations' && state.revokedBy ? page.graph.get(state.revokedBy) : undefined;
  if (replacement) parts.push({ text: `by ${replacement.attackId} ${replacement.name}`, href: href(page.base, replacement.path) });
  return parts;
}

function diffLink(kind: ObjectPageKind, older: ReleaseState, newer: ReleaseState, text: string): Link {
  return { text, href: url(paths.objectChanges(older.release, newer.release, paths.object(kind, newer.attackId!))) };
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}

/** "Known as X until 16.1. Absorbed Y (T1574.002) in 17.0, whose old id leads here." */
function lineage(history: ObjectHistory, page: PageContext): (string | Link)[] {
  const present = history.states.filter((state) => state.presence === 'present');
  const renamed = present.flatMap((state, index) => {
    const next = present[index + 1];
    return next && next.name !== state.name ? [`Known as “${state.name}” until ${state.release}. `] : [];
  });
  const absorbed = (page.history?.absorbed(history.id) ?? []).flatMap(({ history: other, revoked }) => {
    const before = other.states[other.states.indexOf(revoked) - 1];
    const name = before?.name ?? revoked.name;
    const own = page.graph.get(other.id);
    const link: string | Link = own ? { text: `${name} (${revoked.attackId})`, href: href(page.base, own.path) } : `${name} (${revoked.attackId})`;
    return ['Absorbed ', link, ` in ${revoked.release}; its old id leads here. `];
  });
  return [...renamed, ...absorbed];
}
