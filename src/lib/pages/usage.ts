/**
 * The "uses" tables that group, software and campaign pages share: techniques used, software
 * used (with that software's own techniques), and who uses an object. Rows are in ATT&CK id
 * order, so sub-techniques follow their parent.
 */
import type { AttackObject, AttackType, RichText } from '../../model/attack.ts';
import type { Related } from '../graph.ts';
import {
  displayName,
  linkTo,
  objectRow,
  relatedRows,
  type Html,
  type Link,
  type ObjectRow,
  type PageContext,
  type TableRow,
} from './common.ts';

function ofType(related: Related[], type: AttackType): Related[] {
  return related.filter(({ object }) => object.type === type);
}

/** Domain | ID | Name | Use */
export function techniquesUsed(id: string, context: PageContext): ObjectRow[] {
  return techniqueRows(context.graph.from(id, 'uses'), context);
}

/** Rows for the techniques among related objects, each sub-technique under its parent. */
export function techniqueRows(relatedObjects: Related[], context: PageContext): ObjectRow[] {
  const related = ofType(relatedObjects, 'technique');
  return withParentHeadings(relatedRows(related, context, { showDomains: true }), related, context);
}

/**
 * Rows come in id order, so sub-techniques already follow their parent; when only sub-techniques
 * are used, their parent is added as a heading row without a use of its own.
 */
function withParentHeadings(rows: ObjectRow[], related: Related[], context: PageContext): ObjectRow[] {
  const listed = new Set(related.map(({ object }) => object.id));
  return related.flatMap(({ object }, index) => {
    const row = rows[index]!;
    const parent = object.type === 'technique' ? context.graph.getOfType('technique', object.parent) : undefined;
    if (!parent || listed.has(parent.id)) return [row];
    listed.add(parent.id);
    return [{ ...objectRow(parent, context, ''), domains: row.domains, isHeading: true }, row];
  });
}

/** ID | Name | Use | Techniques: each software with the techniques it is known to use. */
export function softwareUsed(id: string, context: PageContext): ObjectRow[] {
  const related = ofType(context.graph.from(id, 'uses'), 'software');
  return relatedRows(related, context).map((row, index) => ({
    ...row,
    cells: [techniquesOf(related[index]!.object, context)],
  }));
}

/** The objects of a type that use this one: ID | Name | Use. */
export function usedBy(id: string, type: AttackType, context: PageContext): ObjectRow[] {
  return relatedRows(ofType(context.graph.to(id, 'uses'), type), context);
}

function techniquesOf(software: AttackObject, { graph, base }: PageContext): Link[] {
  return ofType(graph.from(software.id, 'uses'), 'technique').map(({ object }) =>
    linkTo(object, base, displayName(object, graph)),
  );
}

/** Name | Description, for the aliases that come with a description ("Associated … Descriptions"). */
export function aliasRows(object: AttackObject & { aliases: { name: string; description: RichText }[] }, { references }: PageContext): TableRow[] {
  return object.aliases
    .filter((alias) => alias.description.length > 0)
    .map((alias) => ({ cells: [alias.name, { html: references.render(alias.description, object.references) }] }));
}

/** Rich text inside a card or cell, with its citations numbered. */
export function htmlValue(text: RichText, owner: AttackObject, { references }: PageContext): Html | undefined {
  return text.length > 0 ? { html: references.render(text, owner.references) } : undefined;
}
