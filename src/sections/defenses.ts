/** What stands against a technique: its mitigations, its detection strategies, and (ICS) the assets it targets. */
import type { Related } from '../lib/graph.ts';
import { linkTo, objectRow, relatedRows, type PageContext } from '../lib/pages/common.ts';
import { href } from '../lib/paths.ts';
import type { DetectionStrategy } from '../model/attack.ts';
import type { Section } from './types.ts';
import type { DetectionGroup } from './views.ts';

export const mitigations: Section<'technique', Related> = {
  id: 'mitigations',
  title: 'Mitigations',
  rows: (technique, { graph }) => graph.to(technique.id, 'mitigates'),
  view: (rows, heading, _, page) => ({
    view: 'objects',
    ...heading,
    rows: relatedRows(rows, page),
    nameHeader: 'Mitigation',
    empty: 'No mitigations in this release.',
  }),
};

/** Each detection strategy for the technique with its active analytics, in the order it lists them. */
export const detection: Section<'technique', DetectionStrategy> = {
  id: 'detection',
  title: 'Detection',
  rows: (technique, { graph }) =>
    graph.to(technique.id, 'detects').flatMap(({ object }) => (object.type === 'detectionstrategy' ? [object] : [])),
  view: (strategies, heading, technique, page) => {
    const groups = strategies.map((strategy) => detectionGroup(strategy, page));
    return {
      view: 'detections',
      ...heading,
      groups,
      legacyDetectionHtml: page.references.render(technique.legacyDetection, technique.references),
      empty: 'No detection strategies in this release.',
    };
  },
};

function detectionGroup(strategy: DetectionStrategy, page: PageContext): DetectionGroup {
  return {
    strategy: { ...linkTo(strategy, page.base), attackId: strategy.attackId },
    analytics: page.graph.activeAnalyticsOf(strategy).map((analytic) => ({
      attackId: analytic.attackId,
      href: href(page.base, analytic.path),
      platforms: analytic.platforms,
      descriptionHtml: page.references.render(analytic.description, analytic.references),
    })),
  };
}

/** The ICS assets the technique targets. */
export const targetedAssets: Section<'technique', Related> = {
  id: 'targeted-assets',
  title: 'Targeted Assets',
  rows: (technique, { graph }) => graph.from(technique.id, 'targets'),
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: rows.map(({ object }) => objectRow(object, page)) }),
};
