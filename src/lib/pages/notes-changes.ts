/**
 * `/changes/v17.1-v18.0/notes/`: what a pair of releases changed of what the team's notes link to
 * (the import found it: src/pipeline/vault/release-changes.ts). Each link as written, with its file
 * and line, what happened to the object it names, and what to link to instead or to check, most
 * pressing first: revoked, deprecated, renamed, a new major version.
 */
import { LINK_CHANGES, type ChangedLink, type LinkChange, type NotesReleaseChanges, type VaultHealth } from '../../model/notes.ts';
import type { ReleaseChanges } from '../../model/history.ts';
import type { AttackGraph } from '../graph.ts';
import type { HistoryIndex } from '../history.ts';
import { href, paths } from '../paths.ts';
import type { Vault } from '../vault.ts';
import { changeEntries } from './changes.ts';
import { siteLink, type CardRow, type Link, type TableRow } from './common.ts';
import { PAGE_SIZE, type PagedTable } from './paged-table.ts';

export const LINK_CHANGE_TITLES: Record<LinkChange, string> = {
  revoked: 'Revoked',
  deprecated: 'Deprecated',
  renamed: 'Renamed',
  major: 'Major version change',
};

export interface NotesChangesPage {
  /** How many links and notes each kind of change touches, those that touch any. */
  counts: CardRow[];
  table: PagedTable;
}

/** The changes of the pair in the vault's health; none when no vault was imported. */
export function notesChangesOf(health: VaultHealth | undefined, pair: ReleaseChanges): NotesReleaseChanges | undefined {
  return health && (health.releaseChanges.find((changes) => changes.from === pair.from && changes.to === pair.to) ?? { from: pair.from, to: pair.to, links: [] });
}

/** "3 links in 2 notes to check", for the changelogs' links to the page. */
export function notesChangesSummary(changes: NotesReleaseChanges | undefined): string {
  if (!changes) return 'no notes vault imported';
  const { links } = changes;
  return links.length === 0 ? 'no link to change' : `${plural(links.length, 'link')} in ${plural(new Set(links.map((link) => link.note)).size, 'note')} to check`;
}

/** `graphs`: the pair's releases, and the live one, whose pages the fixes link to. */
export function notesChangesPage(
  changes: NotesReleaseChanges,
  data: { pair: ReleaseChanges; vault: Vault; history: HistoryIndex; graphs: { from: AttackGraph; to: AttackGraph; live: AttackGraph } },
  base: string,
): NotesChangesPage {
  const { links } = changes;
  return {
    counts: LINK_CHANGES.flatMap((change) => {
      const ofChange = links.filter((link) => link.change === change);
      const notes = new Set(ofChange.map((link) => link.note)).size;
      return ofChange.length > 0 ? [{ label: LINK_CHANGE_TITLES[change], value: `${plural(ofChange.length, 'link')} in ${plural(notes, 'note')}` }] : [];
    }),
    table: {
      caption: `Links of the notes that ATT&CK ${changes.to} changed`,
      headers: ['Note', 'Where', 'Link as written', 'What happened', 'Link to or check'],
      rows: links.map((link) => row(link, data, base)),
      noun: { singular: 'link', plural: 'links' },
      source: links.length > PAGE_SIZE ? href(base, paths.listData(paths.notesChanges(changes.from, changes.to))) : undefined,
    },
  };
}

function row(link: ChangedLink, { pair, vault, history, graphs }: Parameters<typeof notesChangesPage>[1], base: string): TableRow {
  const note = vault.get(link.note);
  const category = history.stateIn(link.object.id, pair.to)?.change;
  const entry = category ? changeEntries(pair, [link.object.id], history, graphs, category)[0] : undefined;
  const live = (id: string, text: string): Link[] => {
    const object = graphs.live.get(id);
    return object ? [siteLink(object.path, base, text)] : [];
  };
  const target = link.replacement ?? { ...link.object, name: link.newName ?? link.object.name };
  return {
    cells: [
      note ? siteLink(note.path, base, note.title) : link.note,
      link.line === undefined ? link.file : `${link.file}:${link.line}`,
      { code: link.text },
      whatHappened(link),
      [...live(target.id, `${target.attackId} ${target.name}`), ...(entry?.path ? [siteLink(entry.path, base, 'what changed')] : [])],
    ],
  };
}

/** "T1552.003 renamed from Bash History to Shell History (version 1.2 → 2.0)". */
export function whatHappened(link: ChangedLink): string {
  const { object, versionChange, replacement } = link;
  switch (link.change) {
    case 'revoked':
      return `${object.attackId} ${object.name} revoked${replacement ? `, replaced by ${replacement.attackId} ${replacement.name}` : ', without a replacement'}`;
    case 'deprecated':
      return `${object.attackId} ${object.name} deprecated, with no replacement`;
    case 'renamed':
      return `${object.attackId} renamed from ${object.name} to ${link.newName}${versionChange ? ` (version ${versionChange})` : ''}`;
    case 'major':
      return `${object.attackId} ${object.name}: major version change (${versionChange})`;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
