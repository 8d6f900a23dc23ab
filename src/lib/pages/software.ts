/** What a software page shows: type, aliases, platforms, techniques used, groups and campaigns using it. */
import type { Software } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { cardRows, provenanceRows, type CardRow, type ObjectRow, type PageContext, type TableRow } from './common.ts';
import { aliasRows, techniquesUsed, usedBy } from './usage.ts';

export interface SoftwarePage {
  software: Software;
  card: CardRow[];
  descriptionHtml: string;
  /** Name | Description */
  aliases: TableRow[];
  techniques: ObjectRow[];
  groups: ObjectRow[];
  campaigns: ObjectRow[];
  references: NumberedReference[];
}

const TYPE_LABELS = { malware: 'Malware', tool: 'Tool' } as const;

export function softwarePage(graph: AttackGraph, software: Software, base: string): SoftwarePage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  return {
    software,
    descriptionHtml: context.references.render(software.description, software.references),
    card: cardRows([
      ['ID', software.attackId],
      ['Type', TYPE_LABELS[software.softwareType]],
      ['Associated Software', software.aliases.map((alias) => alias.name)],
      ['Platforms', software.platforms],
      ...provenanceRows(software),
    ]),
    aliases: aliasRows(software, context),
    techniques: techniquesUsed(software.id, context),
    groups: usedBy(software.id, 'group', context),
    campaigns: usedBy(software.id, 'campaign', context),
    references: context.references.list,
  };
}
