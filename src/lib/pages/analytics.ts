/** `/analytics/`: every active analytic, linking to its section on its detection strategy page. */
import type { AttackGraph } from '../graph.ts';
import { withBase } from '../urls.ts';
import { domainLabels } from './common.ts';

export interface AnalyticRow {
  attackId: string;
  href: string;
  platforms: string[];
  domains: string[];
  excerpt: string;
}

export function analyticRows(graph: AttackGraph, base: string): AnalyticRow[] {
  return graph.active('analytic').map((analytic) => ({
    attackId: analytic.attackId,
    href: withBase(base, analytic.path),
    platforms: analytic.platforms,
    domains: domainLabels(analytic.domains),
    excerpt: analytic.excerpt,
  }));
}
