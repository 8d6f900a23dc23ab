/** Object pages for tests: the page of an object, and the views of its sections by id. */
import type { AttackGraph } from '../../src/lib/graph.ts';
import type { HistoryIndex } from '../../src/lib/history.ts';
import { Vault } from '../../src/lib/vault.ts';
import type { ObjectOf } from '../../src/model/attack.ts';
import type { ObjectPageKind } from '../../src/model/kinds.ts';
import { objectPage, type ObjectPage } from '../../src/sections/object-page.ts';
import type { SectionView } from '../../src/sections/views.ts';

export function pageOf(graph: AttackGraph, object: ObjectOf<ObjectPageKind>, base = '/', vault = new Vault([]), history?: HistoryIndex): ObjectPage {
  return objectPage(object, { graph, vault, base, history });
}

/** The section of the page with this id, as the view of kind `view`; fails when there is none. */
export function sectionView<V extends SectionView['view']>(page: ObjectPage, id: string, view: V): Extract<SectionView, { view: V }> {
  const found = page.sections.find((section) => section.id === id);
  if (!found || found.view !== view) throw new Error(`no ${view} section #${id} on ${page.object.attackId}`);
  return found as Extract<SectionView, { view: V }>;
}

/** The rows of the page's table of objects with this id. */
export const objectRows = (page: ObjectPage, id: string) => sectionView(page, id, 'objects').rows;
/** The rows of the page's plain table with this id. */
export const tableRows = (page: ObjectPage, id: string) => sectionView(page, id, 'table').rows;
