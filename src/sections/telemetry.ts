/**
 * What detecting a technique takes: the telemetry its ATT&CK analytics read (data components with
 * their log sources and channels) and the log sources of its Sigma rules (product, service,
 * category), each once, grouped by platform, each linked to where it comes from. The "likely
 * telemetry" other mirrors write by hand, derived here from the data.
 */
import { linkTo, siteLink, type CardValue, type Link, type PageContext, type TableRow } from '../lib/pages/common.ts';
import { href, paths } from '../lib/paths.ts';
import type { Technique } from '../model/attack.ts';
import type { Section } from './types.ts';

/** One piece of telemetry on one platform, with what asks for it. */
export interface TelemetryRow {
  platform: string;
  /** What the telemetry is: an ATT&CK data component or a Sigma log source. */
  source: { kind: 'analytic'; dataComponent: string; name: string; channel: string } | { kind: 'sigma'; product?: string; service?: string; category?: string };
  /** STIX ids of the analytics that read it, or ids of the Sigma rules that use it. */
  users: string[];
}

/** Sigma's products as ATT&CK names its platforms, so that both group together. */
const SIGMA_PLATFORMS: Record<string, string> = { windows: 'Windows', linux: 'Linux', macos: 'macOS' };

export const telemetry: Section<'technique', TelemetryRow> = {
  id: 'telemetry',
  title: 'Telemetry',
  rows: (technique, { graph, detections }) => {
    const rows = new Map<string, TelemetryRow>();
    const add = (key: string, row: Omit<TelemetryRow, 'users'>, user: string) => {
      const existing = rows.get(key) ?? { ...row, users: [] };
      if (!existing.users.includes(user)) existing.users.push(user);
      rows.set(key, existing);
    };
    for (const { object } of graph.to(technique.id, 'detects')) {
      if (object.type !== 'detectionstrategy' || object.status !== 'active') continue;
      for (const analytic of graph.activeAnalyticsOf(object)) {
        for (const platform of analytic.platforms.length > 0 ? analytic.platforms : ['Any']) {
          for (const { dataComponent, name, channel } of analytic.logSources) {
            add(JSON.stringify(['a', platform, dataComponent, name, channel]), { platform, source: { kind: 'analytic', dataComponent, name, channel } }, analytic.id);
          }
        }
      }
    }
    for (const rule of detections?.rulesFor(technique.id) ?? []) {
      const { product, service, category } = rule.logsource;
      const platform = product ? (SIGMA_PLATFORMS[product.toLowerCase()] ?? product) : 'Any';
      add(JSON.stringify(['s', platform, product, service, category]), { platform, source: { kind: 'sigma', product, service, category } }, rule.id);
    }
    // By platform; on each, the analytics' telemetry first, then the log sources most rules read.
    const kindOrder = (row: TelemetryRow) => (row.source.kind === 'analytic' ? 0 : 1);
    return [...rows.values()].sort((a, b) => a.platform.localeCompare(b.platform, 'en') || kindOrder(a) - kindOrder(b) || b.users.length - a.users.length);
  },
  view: (rows, heading, technique, page) =>
    rows.length > 0
      ? {
          view: 'table',
          ...heading,
          count: rows.length,
          note: ['What detecting this technique takes, by platform: the data components and log sources its ATT&CK analytics read, and the log sources of its Sigma rules.'],
          caption: 'Telemetry by platform',
          headers: ['Platform', 'Telemetry', 'Log Source', 'Channel or Category', 'Read By'],
          rows: rows.map((row) => telemetryRow(row, technique, page)),
        }
      : undefined,
};

function telemetryRow({ platform, source, users }: TelemetryRow, technique: Technique, { graph, base }: PageContext): TableRow {
  if (source.kind === 'analytic') {
    const component = graph.getOfType('datacomponent', source.dataComponent);
    const analytics = users.flatMap((id): Link[] => {
      const analytic = graph.getOfType('analytic', id);
      return analytic ? [{ text: analytic.attackId, href: href(base, analytic.path) }] : [];
    });
    return {
      cells: [platform, component ? linkTo(component, base, `${component.name} (${component.attackId})`) : 'Data component', { code: source.name }, source.channel, analytics],
    };
  }
  const rules = siteLink(paths.anchor(technique.path, 'sigma-rules'), base, `${users.length} Sigma rule${users.length === 1 ? '' : 's'}`);
  const parts: CardValue = [source.product, source.service].filter((part): part is string => Boolean(part)).map((part) => ({ code: part }));
  return { cells: [platform, 'Sigma log source', parts.length > 0 ? parts : '', source.category ? { code: source.category } : '', rules] };
}
