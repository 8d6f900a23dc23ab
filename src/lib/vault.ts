/**
 * The team's notes as the pages need them: which notes are about an ATT&CK object, which
 * procedures are mapped to it, who links to what (backlinks), and the tags.
 */
import { isProcedureNote, type Note, type ProcedureNote } from '../model/notes.ts';
import { pushTo } from './lists-by-key.ts';
import { paths, type SitePath } from './paths.ts';

export interface Tag {
  /** As first written: `triage/first-hour`. */
  label: string;
  /** The tag page's path: `/tags/triage/first-hour/`. */
  path: SitePath;
  notes: Note[];
  /** The note that describes the tag: one named as the tag (a tag note), its page shown above the list. */
  note?: Note;
}

export class Vault {
  readonly notes: Note[];
  private readonly byId = new Map<string, Note>();
  private readonly about = new Map<string, Note[]>();
  private readonly mapped = new Map<string, ProcedureNote[]>();
  private readonly linkedFrom = new Map<string, Note[]>();
  private readonly tagIndex = new Map<string, Tag>();

  constructor(notes: Note[]) {
    this.notes = [...notes].sort(byTitle);
    for (const note of this.notes) {
      this.byId.set(note.id, note);
      for (const id of note.about) pushTo(this.about, id, note);
      if (isProcedureNote(note)) for (const id of note.mapped) pushTo(this.mapped, id, note);
      // A note that embeds another can link back to itself through it: never its own backlink.
      for (const id of new Set([...note.linksToNotes, ...note.linksToAttack])) if (id !== note.id) pushTo(this.linkedFrom, id, note);
      for (const label of note.tags) this.addTag(label, note);
    }
    this.findTagNotes();
  }

  get(id: string | undefined): Note | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  procedures(): ProcedureNote[] {
    return this.notes.filter(isProcedureNote);
  }

  /** Notes written about the ATT&CK object (their `mitre_id`). */
  notesAbout(stixId: string): Note[] {
    return this.about.get(stixId) ?? [];
  }

  /** Procedures mapped to the ATT&CK object by their tactics and techniques. */
  proceduresFor(stixId: string): ProcedureNote[] {
    return this.mapped.get(stixId) ?? [];
  }

  /** Notes that link to a note (by note id) or an ATT&CK object (by STIX id). */
  linksTo(id: string): Note[] {
    return this.linkedFrom.get(id) ?? [];
  }

  /** Notes that link to an ATT&CK object, besides those about it or mapped to it. */
  otherLinksTo(stixId: string): Note[] {
    const shown = new Set([...this.notesAbout(stixId), ...this.proceduresFor(stixId)]);
    return this.linksTo(stixId).filter((note) => !shown.has(note));
  }

  tags(): Tag[] {
    return [...this.tagIndex.values()].sort((a, b) => a.label.localeCompare(b.label, 'en'));
  }

  /** Each tag's note: of its name, `type: tag` or in a `tags` folder first. */
  private findTagNotes(): void {
    const byName = new Map<string, Note[]>();
    for (const note of this.notes) pushTo(byName, note.id.split('/').at(-1)!.toLowerCase(), note);
    const rank = (note: Note) => (note.type === 'tag' ? 0 : note.id.toLowerCase().startsWith('tags/') ? 1 : 2);
    for (const tag of this.tagIndex.values()) {
      tag.note = byName.get(tag.label.toLowerCase())?.toSorted((a, b) => rank(a) - rank(b))[0];
    }
  }

  private addTag(label: string, note: Note): void {
    const path = paths.tag(label);
    const tag = this.tagIndex.get(path) ?? { label, path, notes: [] };
    if (!tag.notes.includes(note)) tag.notes.push(note);
    this.tagIndex.set(path, tag);
  }
}

function byTitle(a: Note, b: Note): number {
  return a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : 1);
}
