/**
 * ATT&CK Navigator layers (layer format 4.5) for groups, software, campaigns and mitigations: one
 * file per domain in which the object has techniques, next to its page, as on attack.mitre.org
 * (`/groups/G0016/G0016-enterprise-layer.json`). The content follows the layers attack.mitre.org
 * generates: every technique the object uses (or mitigates) scored 1 and coloured like the legend,
 * with the relationship's description as its comment.
 */
import type { AttackGraph } from '../lib/graph.ts';
import type { DataContext } from '../lib/pages/common.ts';
import { paths, type SitePath } from '../lib/paths.ts';
import { DOMAIN_LABELS, type AttackObject, type Campaign, type Domain, type Group, type Mitigation, type Software, type Technique } from '../model/attack.ts';
import { techniquesAddressed, techniquesUsed } from '../sections/techniques.ts';

export type LayerObject = Group | Software | Campaign | Mitigation;

export const LAYER_TYPES = ['group', 'software', 'campaign', 'mitigation'] as const satisfies LayerObject['type'][];

export function isLayerObject(object: AttackObject): object is LayerObject {
  return (LAYER_TYPES as readonly string[]).includes(object.type);
}

export interface LayerFile {
  domain: Domain;
  /** Next to the object's page: `/groups/G0016/G0016-enterprise-layer.json`. */
  path: SitePath;
}

/** The parts of layer format 4.5 these layers use, with the Navigator's field names. */
export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: '4.5' };
  domain: Domain;
  description: string;
  filters: { platforms: string[] };
  sorting: 0;
  layout: {
    layout: 'side';
    aggregateFunction: 'average';
    showID: boolean;
    showName: boolean;
    showAggregateScores: boolean;
    countUnscored: boolean;
    expandedSubtechniques: 'annotated';
  };
  hideDisabled: boolean;
  techniques: LayerTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: LayerMetadata[];
  links: [];
  showTacticRowBackground: boolean;
  tacticRowBackground: string;
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
  selectVisibleTechniques: boolean;
}

/** A technique or sub-technique (`T1059.001`); without `tactic`, it is marked under all its tactics. */
export interface LayerTechnique {
  techniqueID: string;
  score: number;
  color: string;
  comment: string;
  enabled: boolean;
  metadata: LayerMetadata[];
  links: [];
  showSubtechniques: boolean;
}

/** A name-value pair the Navigator shows with a technique (or the layer). */
export interface LayerMetadata {
  name: string;
  value: string;
}

/** The ATT&CK Navigator that MITRE hosts. */
export const NAVIGATOR_URL = 'https://mitre-attack.github.io/attack-navigator/';

/** The Navigator opening a layer from its absolute URL (the host must let the Navigator's page fetch it: CORS). */
export function navigatorHref(layerUrl: string): string {
  return `${NAVIGATOR_URL}#layerURL=${encodeURIComponent(layerUrl)}`;
}

/** The Navigator release that reads layer format 4.5 and ATT&CK 18. */
export const NAVIGATOR_VERSION = '5.2.0';
/** attack.mitre.org's colours: unused techniques white, listed ones blue. */
const UNUSED_COLOR = '#ffffff';
const LISTED_COLOR = '#66b1ff';

/** The Navigator's default view, except that parents of listed sub-techniques open expanded. */
export const MATRIX_VIEW = {
  sorting: 0,
  layout: {
    layout: 'side',
    aggregateFunction: 'average',
    showID: false,
    showName: true,
    showAggregateScores: false,
    countUnscored: false,
    expandedSubtechniques: 'annotated',
  },
  hideDisabled: false,
} satisfies Pick<NavigatorLayer, 'sorting' | 'layout' | 'hideDisabled'>;

/** The Navigator's defaults, written out as its own exports do. */
export const SELECTION_SETTINGS = {
  showTacticRowBackground: false,
  tacticRowBackground: '#dddddd',
  selectTechniquesAcrossTactics: true,
  selectSubtechniquesWithParent: false,
  selectVisibleTechniques: false,
} satisfies Partial<NavigatorLayer>;

/** Every active object that can have layers. */
export function layerObjects(graph: AttackGraph): LayerObject[] {
  return LAYER_TYPES.flatMap((type) => graph.active(type));
}

/** The object's layer files, in domain order; none for a domain in which it has no technique. */
export function layerFiles(data: DataContext, object: LayerObject): LayerFile[] {
  return object.domains
    .filter((domain) => layerEntries(data, object, domain).length > 0)
    .map((domain) => ({ domain, path: paths.layer(object.path, object.attackId, domain) }));
}

export function navigatorLayer(data: DataContext, object: LayerObject, domain: Domain): NavigatorLayer {
  const { graph } = data;
  const entries = layerEntries(data, object, domain);
  const verb = object.type === 'mitigation' ? 'mitigated by' : 'used by';
  const version = object.version ? ` v${object.version}` : '';
  return {
    name: `${object.name} (${object.attackId})`,
    versions: { attack: attackVersion(graph, domain), navigator: NAVIGATOR_VERSION, layer: '4.5' },
    domain,
    description: `${DOMAIN_LABELS[domain]} techniques ${verb} ${object.name}, ATT&CK ${object.type} ${object.attackId}${version}`,
    filters: { platforms: platformsOf(entries.map(({ technique }) => technique)) },
    ...MATRIX_VIEW,
    techniques: layerTechniques(graph, entries),
    gradient: { colors: [UNUSED_COLOR, LISTED_COLOR], minValue: 0, maxValue: 1 },
    legendItems: [{ label: `${verb} ${object.name}`, color: LISTED_COLOR }],
    metadata: [],
    links: [],
    ...SELECTION_SETTINGS,
  };
}

interface LayerEntry {
  technique: Technique;
  comment: string;
}

/**
 * The techniques of the domain that the object uses (mitigations: mitigates), in ATT&CK id order:
 * the rows of the page's section, so that layer and table always agree.
 */
function layerEntries(data: DataContext, object: LayerObject, domain: Domain): LayerEntry[] {
  const rows = object.type === 'mitigation' ? techniquesAddressed.rows(object, data) : techniquesUsed.rows(object, data);
  const uses = rows.flatMap(({ relationship, object: target }) => (target.type === 'technique' && target.domains.includes(domain) ? [{ technique: target, relationship }] : []));
  // A technique a group uses both itself and through its campaigns is one entry, with every use as its comment.
  return [...Map.groupBy(uses, ({ technique }) => technique.id).values()].map((same) => ({
    technique: same[0]!.technique,
    comment: same.map(({ relationship }) => relationship.descriptionText).join('\n\n'),
  }));
}

/** Scored 1 like the legend; a listed parent opens with its listed sub-techniques shown. */
function layerTechniques(graph: AttackGraph, entries: LayerEntry[]): LayerTechnique[] {
  const listedIds = new Set(entries.map(({ technique }) => technique.id));
  return entries.map(({ technique, comment }) => ({
    techniqueID: technique.attackId,
    score: 1,
    color: LISTED_COLOR,
    comment,
    enabled: true,
    metadata: [],
    links: [],
    showSubtechniques: graph.subtechniquesOf(technique.id).some((sub) => listedIds.has(sub.id)),
  }));
}

/** The major version of the domain's loaded release ("18" for 18.1); the newest if several were loaded. */
export function attackVersion(graph: AttackGraph, domain: Domain): string {
  const majors = graph.collections.releases
    .filter((release) => release.domain === domain)
    .map((release) => release.release.split('.')[0]!)
    .sort((a, b) => Number(b) - Number(a));
  if (majors.length === 0) throw new Error(`no ${DOMAIN_LABELS[domain]} release was loaded`);
  return majors[0]!;
}

/** The platforms of the listed techniques, so the matrix shows those platforms and hides no listed technique. */
export function platformsOf(techniques: Technique[]): string[] {
  return [...new Set(techniques.flatMap((technique) => technique.platforms))].sort((a, b) => a.localeCompare(b, 'en'));
}
