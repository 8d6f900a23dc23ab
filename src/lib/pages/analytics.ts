/**
 * `/analytics/`: every active analytic with the technique it detects and its detection strategy, a
 * page at a time (src/lib/pages/paged-table.ts), filterable by domain and platform. Each row links
 * to the analytic's section on its detection strategy's page.
 */
import type { AttackGraph } from '../graph.ts';
import { href, paths, platformSlug } from '../paths.ts';
import { DOMAIN_LABELS, DOMAIN_SLUGS } from '../../model/attack.ts';
import { linkTo, siteLink } from './common.ts';
import type { PagedTable } from './paged-table.ts';

/** A filter's choice: the value rows carry, the text the reader sees. */
export interface FilterOption {
  value: string;
  label: string;
}

export interface AnalyticIndex {
  domains: FilterOption[];
  platforms: FilterOption[];
  table: PagedTable;
}

/**
 * Analytic | Technique | Detection Strategy | Platforms | Description, in id order; each row's
 * `domains` and `platforms` data list its domains' and platforms' slugs, for the filters.
 */
export function analyticIndex(graph: AttackGraph, base: string): AnalyticIndex {
  const platforms = new Map<string, string>();
  const rows = graph.active('analytic').map((analytic) => {
    const strategy = graph.getOfType('detectionstrategy', analytic.detectionStrategy);
    const techniques = strategy ? graph.from(strategy.id, 'detects').map(({ object }) => object) : [];
    for (const platform of analytic.platforms) platforms.set(platformSlug(platform), platform);
    return {
      data: {
        domains: analytic.domains.map((domain) => DOMAIN_SLUGS[domain]).join(' '),
        platforms: analytic.platforms.map(platformSlug).join(' '),
      },
      cells: [
        siteLink(analytic.path, base, analytic.attackId),
        techniques.map((technique) => linkTo(technique, base, `${technique.attackId} ${technique.name}`)),
        strategy ? linkTo(strategy, base) : '',
        analytic.platforms,
        analytic.excerpt,
      ],
    };
  });
  return {
    domains: graph.loadedDomains().map((domain) => ({ value: DOMAIN_SLUGS[domain], label: DOMAIN_LABELS[domain] })),
    platforms: [...platforms].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'en')),
    table: {
      caption: 'Analytics',
      headers: ['Analytic', 'Technique', 'Detection Strategy', 'Platforms', 'Description'],
      rows,
      noun: { singular: 'analytic', plural: 'analytics' },
      source: href(base, paths.listData(paths.analytics())),
      textFilter: { columns: [0, 1, 2], placeholder: 'ID or name' },
    },
  };
}
