/**
 * What changed in one object between two releases, from the two releases' pages of it: its name,
 * its description word by word, every field of its ID card, and the rows of every section of
 * its page (procedure examples, mitigations, detections, sub-techniques, software...) added,
 * removed or with another text. Computed from the page definitions (src/sections/pages.ts), so a
 * section added to a kind's pages is compared too.
 */
import { diffWords } from 'diff';
import type { AttackObject, ObjectOf } from '../../model/attack.ts';
import type { ObjectPageKind } from '../../model/kinds.ts';
import { OBJECT_PAGES } from '../../sections/pages.ts';
import type { ObjectPageDefinition } from '../../sections/types.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences } from '../references.ts';
import { htmlText } from '../rich-text.ts';
import { Vault } from '../vault.ts';
import type { CardValue, PageContext } from './common.ts';

export interface WordChange {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface FieldChange {
  label: string;
  before: string[];
  after: string[];
}

export interface RowText {
  /** `G0016 APT29`, or the row's name when it has no ATT&CK id. */
  label: string;
  /** The relationship's text (a procedure example's description), when the row has one. */
  text: string;
}

export interface SectionChange {
  title: string;
  added: RowText[];
  removed: RowText[];
  changed: { label: string; before: string; after: string }[];
}

export interface ObjectChanges {
  name?: { before: string; after: string };
  /** Empty when the description did not change. */
  description: WordChange[];
  fields: FieldChange[];
  sections: SectionChange[];
}

/** Card rows that say when, not what: every changed object has new ones. */
const UNCOMPARED_FIELDS = new Set(['Last Modified', 'Version']);

export function objectChanges(older: ObjectOf<ObjectPageKind>, newer: ObjectOf<ObjectPageKind>, graphs: { from: AttackGraph; to: AttackGraph }): ObjectChanges {
  const [before, after] = [context(graphs.from), context(graphs.to)];
  const definition = OBJECT_PAGES[newer.type] as ObjectPageDefinition<typeof newer.type>;
  return {
    name: older.name === newer.name ? undefined : { before: older.name, after: newer.name },
    description: older.text === newer.text ? [] : diffWords(older.text, newer.text),
    fields: fieldChanges(definition.card(older, before), definition.card(newer, after)),
    sections: definition.sections.flatMap((section) => {
      const change = rowChanges(section.rows(older, before), section.rows(newer, after));
      if (!change) return [];
      const title = typeof section.title === 'string' ? section.title : section.title(newer, after);
      return [{ title, ...change }];
    }),
  };
}

/** A release's data with nothing of the team's: the same vault-free view both sides. */
function context(graph: AttackGraph): PageContext {
  return { graph, vault: new Vault([]), base: '/', references: new PageReferences('/') };
}

function fieldChanges(before: [string, CardValue | undefined][], after: [string, CardValue | undefined][]): FieldChange[] {
  const [old, current] = [new Map(before), new Map(after)];
  const labels = [...new Set([...old.keys(), ...current.keys()])].filter((label) => !UNCOMPARED_FIELDS.has(label));
  return labels.flatMap((label) => {
    const [was, is] = [texts(old.get(label)), texts(current.get(label))];
    // Lists (platforms, tactics) count as changed when their items change, not their order.
    return sameItems(was, is) ? [] : [{ label, before: was, after: is }];
  });
}

function sameItems(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

function texts(value: CardValue | undefined): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => (typeof item === 'string' ? item : 'text' in item ? item.text : 'code' in item ? item.code : htmlText(item.html))).filter(Boolean);
}

function rowChanges(before: unknown[], after: unknown[]): Omit<SectionChange, 'title'> | undefined {
  const [old, current] = [rowsByKey(before), rowsByKey(after)];
  if (!old || !current) return undefined;
  const added = [...current].filter(([key]) => !old.has(key)).map(([, row]) => row);
  const removed = [...old].filter(([key]) => !current.has(key)).map(([, row]) => row);
  const changed = [...current].flatMap(([key, row]) => {
    const was = old.get(key);
    return was && was.text !== row.text ? [{ label: row.label, before: was.text, after: row.text }] : [];
  });
  return added.length + removed.length + changed.length > 0 ? { added, removed, changed } : undefined;
}

/** A section's rows by the object they are about; undefined for sections whose rows are not ATT&CK objects. */
function rowsByKey(rows: unknown[]): Map<string, RowText> | undefined {
  const keyed = new Map<string, RowText>();
  for (const row of rows) {
    const object = relatedObject(row);
    if (!object) return undefined;
    const text = typeof row === 'object' && row !== null && 'relationship' in row ? (row as { relationship: { descriptionText: string } }).relationship.descriptionText : '';
    keyed.set(object.id, { label: `${object.attackId} ${object.name}`, text });
  }
  return keyed;
}

function relatedObject(row: unknown): AttackObject | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  if ('relationship' in row && 'object' in row) return (row as { object: AttackObject }).object;
  if ('attackId' in row && 'type' in row && 'id' in row) return row as AttackObject;
  return undefined;
}
