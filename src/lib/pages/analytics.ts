/** `/analytics/`: every active analytic, linking to its section on its detection strategy page. */
import type { AttackGraph } from '../graph.ts';
import { domainLabels, siteLink, type TableRow } from './common.ts';

/** ID | Platform | Domain | Description; each row is a link target named by its analytic id. */
export function analyticRows(graph: AttackGraph, base: string): TableRow[] {
  return graph.active('analytic').map((analytic) => ({
    id: analytic.attackId,
    cells: [
      siteLink(analytic.path, base, analytic.attackId),
      analytic.platforms,
      domainLabels(analytic.domains),
      analytic.excerpt,
    ],
  }));
}
