/** What a tactic page shows: its card, description and techniques with sub-techniques nested. */
import type { Tactic } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import {
  cardRows,
  nestTechniques,
  objectRow,
  provenanceRows,
  type CardRow,
  type ObjectRow,
  type PageContext,
} from './common.ts';

export interface TacticPage {
  tactic: Tactic;
  card: CardRow[];
  descriptionHtml: string;
  techniques: ObjectRow[];
  techniqueCount: number;
  subtechniqueCount: number;
  references: NumberedReference[];
}

export function tacticPage(graph: AttackGraph, tactic: Tactic, base: string): TacticPage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  const descriptionHtml = context.references.render(tactic.description, tactic.references);
  const techniques = techniquesOfTactic(graph, tactic);
  return {
    tactic,
    card: cardRows([['ID', tactic.attackId], ...provenanceRows(tactic)]),
    descriptionHtml,
    techniques: techniques.map((technique) => objectRow(technique, context)),
    techniqueCount: techniques.filter((technique) => !technique.isSubtechnique).length,
    subtechniqueCount: techniques.filter((technique) => technique.isSubtechnique).length,
    references: context.references.list,
  };
}

export function techniquesOfTactic(graph: AttackGraph, tactic: Tactic) {
  return nestTechniques(graph.active('technique').filter((technique) => technique.tactics.includes(tactic.id)));
}
