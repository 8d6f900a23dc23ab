/**
 * What an object page is made of. Each kind with pages of its own declares, in pages.ts, its ID
 * card, its ordered sections and the columns of its list pages. A section has an id (its anchor),
 * a title, the rows it shows (objects and relationships: data, nothing rendered, so that the same
 * rows can feed a table, a Navigator layer or an export) and a view: what its component draws
 * from the rows. Views are built in page order, so citations are numbered as the reader meets them.
 */
import type { ObjectOf } from '../model/attack.ts';
import type { ObjectPageKind } from '../model/kinds.ts';
import type { CardRow, CardValue, DataContext, Link, PageContext } from '../lib/pages/common.ts';
import type { SectionView } from './views.ts';

export interface Section<K extends ObjectPageKind, Row = unknown> {
  id: string;
  title: string | ((object: ObjectOf<K>, page: PageContext) => string);
  /** Shown on the pages of deprecated objects too; other sections only on active objects' pages. */
  always?: boolean;
  /** The section's data: it reads the graph and the vault, and renders nothing. */
  rows(object: ObjectOf<K>, data: DataContext): Row[];
  /** Undefined leaves the section out (no rows, and nothing to say about it). */
  view(rows: Row[], heading: SectionHeading, object: ObjectOf<K>, page: PageContext): SectionView | undefined;
}

export interface SectionHeading {
  id: string;
  title: string;
}

/** A column of a kind's list pages, beyond ID, name and description. */
export interface ListColumn<K extends ObjectPageKind> {
  header: string;
  value(object: ObjectOf<K>, page: PageContext): CardValue;
}

export interface ObjectPageDefinition<K extends ObjectPageKind> {
  /** The ID card's rows, in order; rows without a value are left out. */
  card(object: ObjectOf<K>, page: PageContext): [label: string, value: CardValue | undefined][];
  /** The trail above the heading, when not the kind's list pages (Techniques › Enterprise). */
  breadcrumbs?(object: ObjectOf<K>, page: PageContext): Link[];
  /** Offers the object's ATT&CK Navigator layers beside its card. */
  layers?: true;
  /** The sections, in page order. */
  sections: Section<K>[];
  /** The columns of the kind's list pages. */
  listColumns?: ListColumn<K>[];
  /** Whether the list pages show each object's description (detection strategies have none). */
  listDescriptions?: false;
}

/** Page definitions, one for each kind with pages of its own. */
export type ObjectPages = { [K in ObjectPageKind]: ObjectPageDefinition<K> };

export type { CardRow };
