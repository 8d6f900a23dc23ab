/** Sections that list techniques: sub-techniques, a tactic's, those an object uses, mitigates, detects or targets. */
import { byAttackId, type AttackGraph, type Related } from '../lib/graph.ts';
import { nestTechniques, objectRow, relatedRows, type ObjectRow, type PageContext } from '../lib/pages/common.ts';
import { href, paths } from '../lib/paths.ts';
import type { AttackObject, Tactic, Technique } from '../model/attack.ts';
import type { Section } from './types.ts';

/** A parent's sub-techniques, or a sub-technique's siblings. */
export const subtechniques: Section<'technique', Technique> = {
  id: 'sub-techniques',
  title: (technique, { graph }) => {
    const parent = graph.getOfType('technique', technique.parent);
    return parent ? `Other sub-techniques of ${parent.name}` : 'Sub-techniques';
  },
  rows: (technique, { graph }) => {
    const parent = graph.getOfType('technique', technique.parent);
    return graph.subtechniquesOf(parent?.id ?? technique.id).filter((sub) => sub.id !== technique.id);
  },
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: rows.map((sub) => ({ ...objectRow(sub, page), name: sub.name })) }),
};

/** A tactic's techniques, sub-techniques nested under their parent. */
export const tacticTechniques: Section<'tactic', Technique> = {
  id: 'techniques',
  title: 'Techniques',
  rows: (tactic, { graph }) => techniquesOfTactic(graph, tactic),
  view: (rows, heading, tactic, page) => {
    const techniqueCount = rows.filter((technique) => !technique.isSubtechnique).length;
    return {
      view: 'objects',
      ...heading,
      rows: rows.map((technique) => objectRow(technique, page)),
      caption: `Techniques of ${tactic.name}`,
      count: techniqueCount,
      note: [
        `${techniqueCount} techniques and ${rows.length - techniqueCount} sub-techniques. `,
        { text: 'See them in the matrix', href: href(page.base, paths.anchor(paths.matrix(tactic.domains[0]!), tactic.attackId)) },
        '.',
      ],
    };
  },
};

/** The active techniques of a tactic, sub-techniques after their parent: the tactic's page and its matrix column. */
export function techniquesOfTactic(graph: AttackGraph, tactic: Tactic): Technique[] {
  return nestTechniques(graph.active('technique').filter((technique) => technique.tactics.includes(tactic.id)));
}

/**
 * Domain | ID | Name | Use: the techniques a group, software or campaign uses; for a group, also
 * those its attributed campaigns use, each use marked with its campaign.
 */
export const techniquesUsed: Section<'group' | 'software' | 'campaign', Related> = {
  id: 'techniques-used',
  title: 'Techniques Used',
  rows: (object, { graph }) => ofTechniques(usesOf(object, graph)),
  view: (rows, heading, _, page) => techniqueTable(rows, heading, page),
};

/** Domain | ID | Name | Use: the techniques a mitigation addresses. */
export const techniquesAddressed: Section<'mitigation', Related> = {
  id: 'techniques-addressed',
  title: 'Techniques Addressed by Mitigation',
  rows: (mitigation, { graph }) => ofTechniques(graph.from(mitigation.id, 'mitigates')),
  view: (rows, heading, _, page) => techniqueTable(rows, heading, page),
};

export const techniquesDetected: Section<'detectionstrategy', Related> = {
  id: 'techniques-detected',
  title: 'Techniques Detected',
  always: true,
  rows: (strategy, { graph }) => graph.from(strategy.id, 'detects'),
  view: (rows, heading, _, page) => ({ view: 'objects', ...heading, rows: rows.map(({ object }) => objectRow(object, page)) }),
};

/** The techniques that target an ICS asset. */
export const techniquesTargeting: Section<'asset', Related> = {
  id: 'techniques',
  title: 'Techniques',
  rows: (asset, { graph }) => graph.to(asset.id, 'targets'),
  view: (rows, heading, _, page) => ({
    view: 'objects',
    ...heading,
    rows: rows.map(({ object }) => objectRow(object, page)),
    empty: 'No technique targets this asset in this release.',
  }),
};

/** What an object uses, and for a group what its campaigns use, in ATT&CK id order (its own use first). */
export function usesOf(object: AttackObject, graph: AttackGraph): Related[] {
  const own = graph.from(object.id, 'uses');
  if (object.type !== 'group') return own;
  return [...own, ...graph.usesThroughCampaigns(object.id)].sort((a, b) => byAttackId(a.object, b.object));
}

function ofTechniques(related: Related[]): Related[] {
  return related.filter(({ object }) => object.type === 'technique');
}

function techniqueTable(rows: Related[], heading: { id: string; title: string }, page: PageContext) {
  return {
    view: 'objects' as const,
    ...heading,
    rows: withParentHeadings(relatedRows(rows, page, { showDomains: true }), distinctObjects(rows), page),
    showDomains: true,
    descriptionHeader: 'Use',
    empty: 'No techniques in this release.',
  };
}

/** The objects at the other end, each once, in order: the objects of the merged rows of relatedRows. */
function distinctObjects(related: Related[]): AttackObject[] {
  return [...new Map(related.map(({ object }) => [object.id, object])).values()];
}

/**
 * Rows come in id order, so sub-techniques already follow their parent; when only sub-techniques
 * are listed, their parent is added as a heading row without a use of its own.
 */
function withParentHeadings(rows: ObjectRow[], objects: AttackObject[], page: PageContext): ObjectRow[] {
  const listed = new Set(objects.map((object) => object.id));
  return objects.flatMap((object, index) => {
    const row = rows[index]!;
    const parent = object.type === 'technique' ? page.graph.getOfType('technique', object.parent) : undefined;
    if (!parent || listed.has(parent.id)) return [row];
    listed.add(parent.id);
    return [{ ...objectRow(parent, page, ''), domains: row.domains, isHeading: true }, row];
  });
}
