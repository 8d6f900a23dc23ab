/** What a group page shows: aliases, description, campaigns, techniques and software used. */
import type { Group } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { cardRows, formatMonth, objectRow, provenanceRows, type CardRow, type ObjectRow, type PageContext, type TableRow } from './common.ts';
import { aliasRows, softwareUsed, techniquesUsed } from './usage.ts';

export interface GroupPage {
  group: Group;
  card: CardRow[];
  descriptionHtml: string;
  /** Name | Description */
  aliases: TableRow[];
  /** ID | Name | First Seen | Last Seen */
  campaigns: ObjectRow[];
  techniques: ObjectRow[];
  software: ObjectRow[];
  references: NumberedReference[];
}

export function groupPage(graph: AttackGraph, group: Group, base: string): GroupPage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  return {
    group,
    descriptionHtml: context.references.render(group.description, group.references),
    card: cardRows([
      ['ID', group.attackId],
      ['Associated Groups', group.aliases.map((alias) => alias.name)],
      ...provenanceRows(group),
    ]),
    aliases: aliasRows(group, context),
    campaigns: graph.to(group.id, 'attributed-to').map(({ object }) => ({
      ...objectRow(object, context),
      cells: object.type === 'campaign' ? [formatMonth(object.firstSeen) ?? '', formatMonth(object.lastSeen) ?? ''] : [],
    })),
    techniques: techniquesUsed(group.id, context),
    software: softwareUsed(group.id, context),
    references: context.references.list,
  };
}
