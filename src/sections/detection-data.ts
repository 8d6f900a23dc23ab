/** The parts of detection: a strategy's analytics, a data component's log sources and the analytics that read them. */
import { linkTo, type PageContext, type TableRow } from '../lib/pages/common.ts';
import { href } from '../lib/paths.ts';
import type { Analytic } from '../model/attack.ts';
import type { Section } from './types.ts';
import type { AnalyticView } from './views.ts';

export const analytics: Section<'detectionstrategy', Analytic> = {
  id: 'analytics',
  title: 'Analytics',
  always: true,
  rows: (strategy, { graph }) => graph.activeAnalyticsOf(strategy),
  view: (rows, heading, _, page) => (rows.length > 0 ? { view: 'analytics', ...heading, analytics: rows.map((analytic) => analyticView(analytic, page)) } : undefined),
};

function analyticView(analytic: Analytic, { graph, base, references }: PageContext): AnalyticView {
  return {
    attackId: analytic.attackId,
    platforms: analytic.platforms,
    descriptionHtml: references.render(analytic.description, analytic.references),
    logSources: analytic.logSources
      .map(({ dataComponent, name, channel }) => ({ component: graph.getOfType('datacomponent', dataComponent), name, channel }))
      .sort((a, b) => (a.component?.name ?? '').localeCompare(b.component?.name ?? '', 'en') || byLogSource(a, b))
      .map(({ component, name, channel }) => ({ cells: [component ? linkTo(component, base, `${component.name} (${component.attackId})`) : '', { code: name }, channel] })),
    mutableElements: analytic.mutableElements.map(({ field, description }) => ({ cells: [{ code: field }, description] })),
  };
}

interface LogSource {
  name: string;
  channel: string;
}

/** Log sources by name, then channel (`WinEventLog:Security` before `WinEventLog:Sysmon`). */
export function byLogSource(a: LogSource, b: LogSource): number {
  return a.name.localeCompare(b.name, 'en') || a.channel.localeCompare(b.channel, 'en');
}

/** Name | Channel, by name. */
export const logSources: Section<'datacomponent', LogSource> = {
  id: 'log-sources',
  title: 'Log Sources',
  always: true,
  rows: (component) => component.logSources.toSorted(byLogSource),
  view: (rows, heading) =>
    rows.length > 0
      ? { view: 'table', ...heading, count: rows.length, caption: 'Log sources', headers: ['Name', 'Channel'], rows: rows.map(({ name, channel }) => ({ cells: [{ code: name }, channel] })) }
      : undefined,
};

/** ID | Detection Strategy | Analytic | Platform | Log Sources: the analytics that read the data component. */
export const analyticsReading: Section<'datacomponent', Analytic> = {
  id: 'detection-strategies',
  title: 'Detection Strategies',
  rows: (component, { graph }) => graph.analyticsUsing(component.id),
  view: (rows, heading, component, page) => ({
    view: 'table',
    ...heading,
    count: rows.length,
    caption: 'Analytics that use this data component',
    headers: ['ID', 'Detection Strategy', 'Analytic', 'Platform', 'Log Sources'],
    rows: rows.map((analytic) => analyticRow(analytic, component.id, page)),
    empty: 'No analytic reads this data component in this release.',
  }),
};

function analyticRow(analytic: Analytic, componentId: string, { graph, base }: PageContext): TableRow {
  const strategy = graph.getOfType('detectionstrategy', analytic.detectionStrategy);
  const sources = analytic.logSources.filter((source) => source.dataComponent === componentId).sort(byLogSource);
  return {
    cells: [
      strategy ? linkTo(strategy, base, strategy.attackId) : '',
      strategy ? linkTo(strategy, base) : '',
      { text: analytic.attackId, href: href(base, analytic.path) },
      analytic.platforms,
      sources.map((source) => ({ code: `${source.name}: ${source.channel}` })),
    ],
  };
}
