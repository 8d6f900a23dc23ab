/** What a mitigation page shows: its card, description and the techniques it addresses. */
import type { Mitigation } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { cardRows, provenanceRows, type CardRow, type ObjectRow, type PageContext } from './common.ts';
import { techniqueRows } from './usage.ts';

export interface MitigationPage {
  mitigation: Mitigation;
  card: CardRow[];
  descriptionHtml: string;
  /** Domain | ID | Name | Use, sub-techniques after their parent. */
  techniques: ObjectRow[];
  references: NumberedReference[];
}

export function mitigationPage(graph: AttackGraph, mitigation: Mitigation, base: string): MitigationPage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  const descriptionHtml = context.references.render(mitigation.description, mitigation.references);
  return {
    mitigation,
    card: cardRows([
      ['ID', mitigation.attackId],
      ['Security Controls', mitigation.securityControls],
      ...provenanceRows(mitigation),
    ]),
    descriptionHtml,
    techniques: techniqueRows(graph.from(mitigation.id, 'mitigates'), context),
    references: context.references.list,
  };
}
