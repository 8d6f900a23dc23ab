/**
 * The way from a technique's page to the others of its tactic, without a sidebar of every
 * technique on every page: per tactic, the technique before and after it in the tactic's list (a
 * sub-technique: its sibling sub-techniques of that tactic), its place in that list, and the
 * tactic's page at the technique's row.
 */
import type { AttackGraph } from '../graph.ts';
import { paths } from '../paths.ts';
import type { Technique } from '../../model/attack.ts';
import { tacticTechniques } from '../../sections/techniques.ts';
import { linkTo, siteLink, type Link } from './common.ts';

export interface TacticNeighbours {
  /** The tactic's page at the technique's row. */
  tactic: Link;
  /** "Technique 8 of 17", "Sub-technique 2 of 4". */
  place: string;
  previous?: Link;
  next?: Link;
}

export function tacticNeighbours(technique: Technique, graph: AttackGraph, base: string): TacticNeighbours[] {
  if (technique.status !== 'active') return [];
  return technique.tactics.flatMap((id) => {
    const tactic = graph.getOfType('tactic', id);
    if (!tactic) return [];
    // In id order, as the tactic's page lists them.
    const siblings = graph.active('technique').filter((other) => other.tactics.includes(tactic.id) && other.parent === technique.parent);
    const index = siblings.findIndex((other) => other.id === technique.id);
    if (index < 0) return [];
    const neighbour = (other: Technique | undefined) => other && linkTo(other, base, `${other.attackId} ${other.name}`);
    return [
      {
        tactic: siteLink(paths.anchor(tactic.path, paths.rowAnchor(tacticTechniques.id, technique.attackId)), base, tactic.name),
        place: `${technique.isSubtechnique ? 'Sub-technique' : 'Technique'} ${index + 1} of ${siblings.length}`,
        previous: neighbour(siblings[index - 1]),
        next: neighbour(siblings[index + 1]),
      },
    ];
  });
}
