/**
 * The data of one object page, computed once, in page order: description, ID card, then each
 * section the kind declares (src/sections/pages.ts), so that citations are numbered as the reader
 * meets them; then the team's notes, the notes that link here, and the numbered references.
 */
import type { AttackGraph } from '../lib/graph.ts';
import { isLayerObject, layerFiles, type LayerFile } from '../exports/navigator-layers.ts';
import { cardRows, displayName, sectionTrail, type CardRow, type DataContext, type Link, type PageContext } from '../lib/pages/common.ts';
import { PageReferences, type NumberedReference } from '../lib/references.ts';
import { objectSearchEntry } from '../lib/search/object-entry.ts';
import type { SearchEntry } from '../lib/search/schema.ts';
import type { AttackObject, ObjectOf } from '../model/attack.ts';
import { isListedKind, type ObjectPageKind } from '../model/kinds.ts';
import type { Note } from '../model/notes.ts';
import { noteLink } from '../lib/pages/note.ts';
import { withDefinitions } from '../lib/pages/card-definitions.ts';
import { OBJECT_PAGES } from './pages.ts';
import type { ObjectPageDefinition } from './types.ts';
import type { SectionView } from './views.ts';

export interface ObjectPage {
  object: ObjectOf<ObjectPageKind>;
  heading: string;
  breadcrumbs: Link[];
  descriptionHtml: string;
  card: CardRow[];
  layers: LayerFile[];
  sections: SectionView[];
  /** A revoked object's final replacement, which its page sends the reader to. */
  replacement?: AttackObject;
  replacementName?: string;
  /** The page's entry in the search index: active objects only. */
  search?: SearchEntry;
  /** The team's notes about the object. */
  teamNotes: TeamNoteView[];
  /** Other notes that link to the object. */
  referencedBy: Note[];
  references: NumberedReference[];
}

/**
 * A team note as an ATT&CK page shows it: what it adds to ATT&CK, its citations numbered in the
 * page's references; or, for a note that only mirrors ATT&CK, the notes it links to.
 */
export interface TeamNoteView {
  note: Note;
  html?: string;
  links: Link[];
}

export interface PageSources extends DataContext {
  base: string;
}

export function objectPage(object: ObjectOf<ObjectPageKind>, sources: PageSources): ObjectPage {
  // Each kind has its definition; TypeScript cannot pair a union's member with its entry itself.
  return pageOf(object, OBJECT_PAGES[object.type] as ObjectPageDefinition<typeof object.type>, sources);
}

function pageOf<K extends ObjectPageKind>(object: ObjectOf<K>, definition: ObjectPageDefinition<K>, sources: PageSources): ObjectPage {
  const page: PageContext = { ...sources, references: new PageReferences(sources.base) };
  const descriptionHtml = page.references.render(object.description, object.references);
  const card = withDefinitions(cardRows(definition.card(object, page)), object.type);
  // In page order: the team's notes come before the sections.
  const teamNotes = page.vault.notesAbout(object.id).map((note) => teamNoteView(note, object, page));
  const sections = object.status === 'revoked' ? [] : sectionViews(object, definition, page);
  return {
    object,
    heading: displayName(object, page.graph),
    ...replacementOf(object, page.graph),
    search: object.status === 'active' ? objectSearchEntry(object, page.graph) : undefined,
    breadcrumbs: definition.breadcrumbs?.(object, page) ?? (isListedKind(object.type) ? sectionTrail(object.type, object, page.base) : []),
    descriptionHtml,
    card,
    layers: definition.layers && object.status === 'active' && isLayerObject(object) ? layerFiles(page, object) : [],
    sections,
    teamNotes,
    referencedBy: page.vault.otherLinksTo(object.id),
    references: page.references.list,
  };
}

function teamNoteView(note: Note, object: AttackObject, page: PageContext): TeamNoteView {
  if (note.teamHtml.length > 0) return { note, html: page.references.render(note.teamHtml, object.references), links: [] };
  const linked = note.linksToNotes.flatMap((id) => page.vault.get(id) ?? []);
  return { note, links: linked.map((target) => noteLink(target, page.base)) };
}

function replacementOf(object: AttackObject, graph: AttackGraph): Pick<ObjectPage, 'replacement' | 'replacementName'> {
  const replacement = graph.replacementOf(object);
  return replacement ? { replacement, replacementName: displayName(replacement, graph) } : {};
}

function sectionViews<K extends ObjectPageKind>(object: ObjectOf<K>, definition: ObjectPageDefinition<K>, page: PageContext): SectionView[] {
  return definition.sections
    .filter((section) => section.always || object.status === 'active')
    .flatMap((section) => {
      const title = typeof section.title === 'string' ? section.title : section.title(object, page);
      const view = section.view(section.rows(object, page), { id: section.id, title }, object, page);
      return view ? [view] : [];
    });
}
