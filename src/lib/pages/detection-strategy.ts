/** What a detection strategy page shows: the techniques it detects and each of its analytics. */
import type { Analytic, DetectionStrategy } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { cardRows, linkTo, objectRow, provenanceRows, type CardRow, type ObjectRow, type PageContext, type TableRow } from './common.ts';

export interface AnalyticSection {
  attackId: string;
  platforms: string[];
  descriptionHtml: string;
  /** Data Component | Name | Channel */
  logSources: TableRow[];
  /** Field | Description */
  mutableElements: TableRow[];
}

export interface DetectionStrategyPage {
  strategy: DetectionStrategy;
  card: CardRow[];
  descriptionHtml: string;
  techniques: ObjectRow[];
  analytics: AnalyticSection[];
  references: NumberedReference[];
}

export function detectionStrategyPage(graph: AttackGraph, strategy: DetectionStrategy, base: string): DetectionStrategyPage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  const descriptionHtml = context.references.render(strategy.description, strategy.references);
  const analytics = activeAnalytics(graph, strategy);
  return {
    strategy,
    descriptionHtml,
    card: cardRows([
      ['ID', strategy.attackId],
      ['Analytics', analytics.map((analytic) => ({ text: analytic.attackId, href: `#${analytic.attackId}` }))],
      ...provenanceRows(strategy),
    ]),
    techniques: graph.from(strategy.id, 'detects').map(({ object }) => objectRow(object, context)),
    analytics: analytics.map((analytic) => analyticSection(analytic, context)),
    references: context.references.list,
  };
}

export function activeAnalytics(graph: AttackGraph, strategy: DetectionStrategy): Analytic[] {
  return strategy.analytics
    .map((id) => graph.getOfType('analytic', id))
    .filter((analytic): analytic is Analytic => analytic?.status === 'active');
}

function analyticSection(analytic: Analytic, context: PageContext): AnalyticSection {
  const { graph, base, references } = context;
  return {
    attackId: analytic.attackId,
    platforms: analytic.platforms,
    descriptionHtml: references.render(analytic.description, analytic.references),
    logSources: analytic.logSources.map(({ dataComponent, name, channel }) => {
      const component = graph.getOfType('datacomponent', dataComponent);
      return { cells: [component ? linkTo(component, base, `${component.name} (${component.attackId})`) : '', { code: name }, channel] };
    }),
    mutableElements: analytic.mutableElements.map(({ field, description }) => ({ cells: [{ code: field }, description] })),
  };
}
