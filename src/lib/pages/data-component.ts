/** What a data component page shows: its log sources and the analytics that read them. */
import type { DataComponent } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { withBase } from '../urls.ts';
import { cardRows, linkTo, provenanceRows, type CardRow, type TableRow, type PageContext } from './common.ts';

export interface DataComponentPage {
  component: DataComponent;
  card: CardRow[];
  descriptionHtml: string;
  /** Name | Channel */
  logSources: TableRow[];
  /** ID | Detection Strategy | Analytic | Platform | Log Sources */
  analytics: TableRow[];
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
    logSources: component.logSources.map(({ name, channel }) => ({ cells: [{ code: name }, channel] })),
    analytics: graph.analyticsUsing(component.id).map((analytic) => {
      const strategy = graph.getOfType('detectionstrategy', analytic.detectionStrategy);
      const sources = analytic.logSources.filter((source) => source.dataComponent === component.id);
      return {
        cells: [
          strategy ? linkTo(strategy, base, strategy.attackId) : '',
          strategy ? linkTo(strategy, base) : '',
          { text: analytic.attackId, href: withBase(base, analytic.path) },
          analytic.platforms,
          sources.map((source) => ({ code: `${source.name}: ${source.channel}` })),
        ],
      };
    }),
    references: context.references.list,
  };
}
