/** What a technique or sub-technique page shows, in page order (which is citation order). */
import type { Technique } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import { withBase } from '../urls.ts';
import {
  cardRows,
  displayName,
  linkTo,
  objectRow,
  provenanceRows,
  relatedRows,
  yesNo,
  type CardRow,
  type Link,
  type ObjectRow,
  type PageContext,
} from './common.ts';
import { activeAnalytics } from './detection-strategy.ts';

export interface DetectionGroup {
  strategy: Link & { attackId: string };
  analytics: { attackId: string; href: string; platforms: string[]; descriptionHtml: string }[];
}

export interface TechniquePage {
  technique: Technique;
  title: string;
  parent?: Technique;
  card: CardRow[];
  descriptionHtml: string;
  /** A parent's sub-techniques, or a sub-technique's siblings. */
  subtechniques: ObjectRow[];
  procedures: ObjectRow[];
  mitigations: ObjectRow[];
  detections: DetectionGroup[];
  legacyDetectionHtml: string;
  /** ICS assets the technique targets. */
  targetedAssets: ObjectRow[];
  references: NumberedReference[];
}

export function techniquePage(graph: AttackGraph, technique: Technique, base: string): TechniquePage {
  const context: PageContext = { graph, base, references: new PageReferences(base) };
  const parent = graph.getOfType('technique', technique.parent);
  const descriptionHtml = context.references.render(technique.description, technique.references);
  const family = graph.subtechniquesOf(parent?.id ?? technique.id).filter((sub) => sub.id !== technique.id);
  return {
    technique,
    title: displayName(technique, graph),
    parent,
    card: techniqueCard(technique, parent, context),
    descriptionHtml,
    subtechniques: family.map((sub) => ({ ...objectRow(sub, context), name: sub.name })),
    procedures: relatedRows(
      graph.to(technique.id, 'uses').filter(({ object }) => ['group', 'software', 'campaign'].includes(object.type)),
      context,
    ),
    mitigations: relatedRows(graph.to(technique.id, 'mitigates'), context),
    detections: detectionGroups(technique, context),
    legacyDetectionHtml: context.references.render(technique.legacyDetection, technique.references),
    targetedAssets: graph.from(technique.id, 'targets').map(({ object }) => objectRow(object, context)),
    references: context.references.list,
  };
}

function techniqueCard(technique: Technique, parent: Technique | undefined, context: PageContext): CardRow[] {
  const { graph, base } = context;
  const subtechniques = graph.subtechniquesOf(technique.id);
  const tactics = technique.tactics.flatMap((id) => {
    const tactic = graph.getOfType('tactic', id);
    return tactic ? [linkTo(tactic, base)] : [];
  });
  return cardRows([
    ['ID', technique.attackId],
    ['Sub-technique of', parent && linkTo(parent, base, `${parent.attackId} ${parent.name}`)],
    ['Sub-techniques', subtechniques.map((sub) => linkTo(sub, base, sub.attackId))],
    [tactics.length > 1 ? 'Tactics' : 'Tactic', tactics],
    ['Platforms', technique.platforms],
    ['System Requirements', technique.systemRequirements],
    ['Permissions Required', technique.permissionsRequired],
    ['Effective Permissions', technique.effectivePermissions],
    ['Defense Bypassed', technique.defenseBypassed],
    ['Impact Type', technique.impactType],
    ['Tactic Type', technique.tacticType],
    ['Supports Remote', yesNo(technique.remoteSupport)],
    ['Data Sources', technique.dataSources],
    ['CAPEC ID', technique.capecIds.map((id) => capecLink(id))],
    ['MTC ID', technique.mtcIds],
    ...provenanceRows(technique),
  ]);
}

function capecLink(id: string): Link | string {
  const number = /^CAPEC-(\d+)$/.exec(id)?.[1];
  return number ? { text: id, href: `https://capec.mitre.org/data/definitions/${number}.html` } : id;
}

/** Each detection strategy for the technique with its active analytics, in the order it lists them. */
function detectionGroups(technique: Technique, context: PageContext): DetectionGroup[] {
  const { graph, base, references } = context;
  return graph.to(technique.id, 'detects').flatMap(({ object: strategy }) => {
    if (strategy.type !== 'detectionstrategy') return [];
    const analytics = activeAnalytics(graph, strategy);
    return [
      {
        strategy: { ...linkTo(strategy, base), attackId: strategy.attackId },
        analytics: analytics.map((analytic) => ({
          attackId: analytic.attackId,
          href: withBase(base, analytic.path),
          platforms: analytic.platforms,
          descriptionHtml: references.render(analytic.description, analytic.references),
        })),
      },
    ];
  });
}
