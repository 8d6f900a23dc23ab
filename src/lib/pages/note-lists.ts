/** The vault's lists of notes and tags, as paged tables (src/lib/pages/paged-table.ts). */
import type { Note } from '../../model/notes.ts';
import { href, paths, type SitePath } from '../paths.ts';
import type { Tag, Vault } from '../vault.ts';
import { siteLink } from './common.ts';
import { PAGE_SIZE, type PagedTable } from './paged-table.ts';

const NOTES = { singular: 'note', plural: 'notes' };

/** Notes by folder, then title: Note | Folder. `page` is where the list is (its data file sits beside it). */
export function noteTable(notes: Note[], page: SitePath, base: string, caption = 'Notes'): PagedTable {
  const folderOf = (note: Note) => note.id.split('/').slice(0, -1).join('/');
  const sorted = notes.toSorted((a, b) => folderOf(a).localeCompare(folderOf(b), 'en') || a.title.localeCompare(b.title, 'en'));
  return {
    caption,
    headers: ['Note', 'Folder'],
    rows: sorted.map((note) => ({ cells: [siteLink(note.path, base, note.title), folderOf(note) || 'Top level'] })),
    noun: NOTES,
    source: dataFile(sorted.length, page, base),
  };
}

/** The notes of the vault that are not procedures (they have their own list). */
export function notesIndex(vault: Vault, base: string): PagedTable {
  return noteTable(vault.notes.filter((note) => note.kind === 'note'), paths.notes(), base);
}

/** Every tag with how many notes carry it. */
export function tagsIndex(vault: Vault, base: string): PagedTable {
  const tags = vault.tags();
  return {
    caption: 'Tags',
    headers: ['Tag', 'Notes'],
    rows: tags.map((tag) => ({ cells: [siteLink(tag.path, base, `#${tag.label}`), String(tag.notes.length)] })),
    noun: { singular: 'tag', plural: 'tags' },
    source: dataFile(tags.length, paths.tags(), base),
  };
}

/** A tag's notes, with those of its nested tags (`#dns/passive` under `#dns`). */
export function tagNotes(tag: Tag, tags: Tag[]): { nested: Tag[]; notes: Note[] } {
  const nested = tags.filter((other) => other !== tag && other.path.startsWith(tag.path));
  return { nested, notes: [...new Set([tag, ...nested].flatMap((each) => each.notes))] };
}

/** A data file for lists longer than a page. */
function dataFile(rows: number, page: SitePath, base: string): string | undefined {
  return rows > PAGE_SIZE ? href(base, paths.listData(page)) : undefined;
}
