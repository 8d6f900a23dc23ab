/** The search entry of a note's page: procedures and notes rank by their titles and aliases as objects do by their names. */
import type { Note } from '../../model/notes.ts';
import type { SearchEntry } from './schema.ts';

export function noteSearchEntry(note: Note): SearchEntry {
  return { type: note.kind === 'procedure' ? 'Procedure' : 'Note', title: note.title, aliases: note.aliases, filters: { tag: note.tags } };
}
