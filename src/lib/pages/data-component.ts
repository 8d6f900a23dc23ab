/** What a data component page shows: its log sources and the analytics that read them. */
import type { DataComponent } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { withBase } from '../urls.ts';
import { cardRows, linkTo, provenanceRows, type CardRow, type Link, type PageContext } from './common.ts';

export interface AnalyticUse {
  strategy?: Link & { attackId: string };
  analytic: Link & { attackId: string };
  platforms: string[];
  /** The log sources of this component the analytic reads: "name: channel". */
  logSources: string[];
}

export interface DataComponentPage {
  component: DataComponent;
  card: CardRow[];
  descriptionHtml: string;
  logSources: { name: string; channel: string }[];
  analytics: AnalyticUse[];
  references: NumberedReference[];
}

export function dataComponentPage(graph: AttackGraph, component: DataComponent, base: string): DataComponentPage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  const descriptionHtml = context.references.render(component.description, component.references);
  const dataSource = graph.getOfType('datasource', component.dataSource);
  return {
    component,
    descriptionHtml,
    card: cardRows([
      ['ID', component.attackId],
      ['Data Source', dataSource && linkTo(dataSource, base, `${dataSource.attackId} ${dataSource.name} (deprecated)`)],
      ...provenanceRows(component),
    ]),
    logSources: component.logSources,
    analytics: graph.analyticsUsing(component.id).map((analytic) => {
      const strategy = graph.getOfType('detectionstrategy', analytic.detectionStrategy);
      return {
        strategy: strategy && { ...linkTo(strategy, base), attackId: strategy.attackId },
        analytic: { text: analytic.attackId, href: withBase(base, analytic.path), attackId: analytic.attackId },
        platforms: analytic.platforms,
        logSources: analytic.logSources
          .filter((source) => source.dataComponent === component.id)
          .map((source) => `${source.name}: ${source.channel}`),
      };
    }),
    references: context.references.list,
  };
}
