/**
 * The data of one object page, computed once, in page order: description, ID card, then each
 * section the kind declares (src/sections/pages.ts), so that citations are numbered as the reader
 * meets them; then the team's notes, the notes that link here, and the numbered references.
 */
import type { Detections } from '../lib/detections.ts';
import type { AttackGraph } from '../lib/graph.ts';
import { isLayerObject, layerFiles, type LayerFile } from '../exports/navigator-layers.ts';
import { cardRows, displayName, sectionTrail, type CardRow, type Link, type PageContext } from '../lib/pages/common.ts';
import { PageReferences, type NumberedReference } from '../lib/references.ts';
import type { Vault } from '../lib/vault.ts';
import { objectSearchEntry } from '../lib/search/object-entry.ts';
import type { SearchEntry } from '../lib/search/schema.ts';
import type { AttackObject, ObjectOf } from '../model/attack.ts';
import { isListedKind, type ObjectPageKind } from '../model/kinds.ts';
import type { Note } from '../model/notes.ts';
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
  teamNotes: Note[];
  /** Other notes that link to the object. */
  referencedBy: Note[];
  references: NumberedReference[];
}

export interface PageSources {
  graph: AttackGraph;
  vault: Vault;
  detections?: Detections;
  base: string;
}

export function objectPage(object: ObjectOf<ObjectPageKind>, sources: PageSources): ObjectPage {
  // Each kind has its definition; TypeScript cannot pair a union's member with its entry itself.
  return pageOf(object, OBJECT_PAGES[object.type] as ObjectPageDefinition<typeof object.type>, sources);
}

function pageOf<K extends ObjectPageKind>(object: ObjectOf<K>, definition: ObjectPageDefinition<K>, sources: PageSources): ObjectPage {
  const page: PageContext = { ...sources, references: new PageReferences(sources.base) };
  const descriptionHtml = page.references.render(object.description, object.references);
  const card = cardRows(definition.card(object, page));
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
    teamNotes: page.vault.notesAbout(object.id),
    referencedBy: page.vault.otherLinksTo(object.id),
    references: page.references.list,
  };
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
