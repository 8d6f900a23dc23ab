/**
 * What each release does to the team's notes: per pair of consecutive loaded releases, the notes'
 * links to ATT&CK (as written, with file and line) whose object the newer release revoked,
 * deprecated, renamed or gave a new major version, with what replaced it. The vault's health holds
 * it (`vault.releaseChanges` in the import report); `/changes/<pair>/notes/` shows it.
 */
import type { HistoryIndex } from '../../lib/history.ts';
import type { ReleaseState } from '../../model/history.ts';
import { LINK_CHANGES, type ChangedLink, type LinkChange, type NamedObject, type Note, type NotesReleaseChanges } from '../../model/notes.ts';

/** A note's link to an ATT&CK object: its file (a vault path) and line, as written, and the STIX id it names. */
export interface LinkUse {
  file: string;
  line?: number;
  text: string;
  id: string;
}

export function notesReleaseChanges(history: HistoryIndex, notes: Note[], uses: LinkUse[]): NotesReleaseChanges[] {
  const noteOf = new Map(notes.map((note) => [note.file, note]));
  const distinct = [...new Map(uses.map((use) => [`${use.file}\0${use.line}\0${use.text}\0${use.id}`, use])).values()];
  return history.changes.map(({ from, to }) => {
    const links = distinct.flatMap((use) => {
      const note = noteOf.get(use.file);
      const link = note && changedLink(history, use, note, from, to);
      return link ? [{ link, title: note.title }] : [];
    });
    links.sort(
      (a, b) =>
        LINK_CHANGES.indexOf(a.link.change) - LINK_CHANGES.indexOf(b.link.change) ||
        a.title.localeCompare(b.title, 'en') ||
        (a.link.file < b.link.file ? -1 : a.link.file > b.link.file ? 1 : 0) ||
        (a.link.line ?? 0) - (b.link.line ?? 0),
    );
    return { from, to, links: links.map(({ link }) => link) };
  });
}

/** The link, when the object it names changed in a way that matters from `from` to `to`. */
function changedLink(history: HistoryIndex, use: LinkUse, note: Note, from: string, to: string): ChangedLink | undefined {
  const older = history.stateIn(use.id, from);
  const newer = history.stateIn(use.id, to);
  const object = named(use.id, older);
  if (!older || !object || newer?.presence !== 'present') return undefined;
  const change = linkChange(older, newer);
  if (!change) return undefined;
  const replacement = change === 'revoked' && newer.revokedBy ? named(newer.revokedBy, history.stateIn(newer.revokedBy, to)) : undefined;
  return {
    note: note.id,
    file: use.file,
    line: use.line,
    text: use.text,
    change,
    object,
    ...(newer.name && newer.name !== object.name ? { newName: newer.name } : {}),
    ...(older.version && newer.version && older.version !== newer.version ? { versionChange: `${older.version} → ${newer.version}` } : {}),
    ...(replacement ? { replacement } : {}),
  };
}

function linkChange(older: ReleaseState, newer: ReleaseState): LinkChange | undefined {
  if (newer.change === 'revocations') return 'revoked';
  if (newer.change === 'deprecations') return 'deprecated';
  if (newer.name && newer.name !== older.name) return 'renamed';
  return newer.change === 'major_version_changes' ? 'major' : undefined;
}

function named(id: string, state: ReleaseState | undefined): NamedObject | undefined {
  return state?.presence === 'present' && state.attackId && state.name ? { id, attackId: state.attackId, name: state.name } : undefined;
}
