/**
 * The one registry of ATT&CK object kinds. For each kind: the STIX types it is read from, its
 * collection (also the first segment of its pages' URLs), its labels, the shape of its ATT&CK ids,
 * and where it appears: pages, navigation, list pages. Every other table about kinds (schemas in
 * attack.ts, normalizers, page sections, search badges, reserved paths) derives from this one or
 * is typed by it, so that a kind left out is a compile error rather than a silent gap. It holds
 * plain data only, so that the browser's search code can read it too.
 *
 * Order matters: it is the order of the site's navigation and of the search page's type filter.
 */
interface KindDefinition {
  /** The STIX types objects of the kind are read from. */
  stixTypes: readonly string[];
  /** The collection the importer writes, and the URL section of the kind's pages. */
  collection: string;
  labels: { singular: string; plural: string };
  /**
   * The letters of the kind's ATT&CK ids (`T` in `T1059`), which are followed by four digits and,
   * for kinds with `subIds`, a dot and three more (`T1059.001`). Matrices are named by domain.
   */
  idPrefix?: string;
  subIds?: true;
  /**
   * Where the kind's objects are shown: on pages of their own (`object`), at an anchor of another
   * object's page (`anchor`, analytics on their detection strategy), or on pages of their own kind
   * (`custom`, the matrices).
   */
  page: 'object' | 'anchor' | 'custom';
  /** The label of its entry in the site's navigation, when it has one. */
  navigation?: string;
  /** The lead paragraph of its list pages (`/techniques/`, `/techniques/enterprise/`), when it has them. */
  list?: { intro: string };
}

export const KINDS = {
  matrix: {
    stixTypes: ['x-mitre-matrix'],
    collection: 'matrices',
    labels: { singular: 'Matrix', plural: 'Matrices' },
    page: 'custom',
    navigation: 'Matrices',
  },
  tactic: {
    stixTypes: ['x-mitre-tactic'],
    collection: 'tactics',
    labels: { singular: 'Tactic', plural: 'Tactics' },
    idPrefix: 'TA',
    page: 'object',
    navigation: 'Tactics',
    list: { intro: 'Tactics are the adversary’s tactical goals: the reason for performing an action. They are the columns of the ATT&CK matrices.' },
  },
  technique: {
    stixTypes: ['attack-pattern'],
    collection: 'techniques',
    labels: { singular: 'Technique', plural: 'Techniques' },
    idPrefix: 'T',
    subIds: true,
    page: 'object',
    navigation: 'Techniques',
    list: { intro: 'Techniques are how an adversary achieves a tactical goal; sub-techniques describe more specific ways.' },
  },
  mitigation: {
    stixTypes: ['course-of-action'],
    collection: 'mitigations',
    labels: { singular: 'Mitigation', plural: 'Mitigations' },
    idPrefix: 'M',
    page: 'object',
    navigation: 'Mitigations',
    list: { intro: 'Mitigations are security concepts and classes of technologies that can prevent a technique from succeeding.' },
  },
  group: {
    stixTypes: ['intrusion-set'],
    collection: 'groups',
    labels: { singular: 'Group', plural: 'Groups' },
    idPrefix: 'G',
    page: 'object',
    navigation: 'Groups',
    list: { intro: 'Groups are activity clusters tracked under a common name by the security community.' },
  },
  software: {
    stixTypes: ['malware', 'tool'],
    collection: 'software',
    labels: { singular: 'Software', plural: 'Software' },
    idPrefix: 'S',
    page: 'object',
    navigation: 'Software',
    list: { intro: 'Software is custom or commercial code, operating system utilities and open-source tools used by adversaries: malware and tools.' },
  },
  campaign: {
    stixTypes: ['campaign'],
    collection: 'campaigns',
    labels: { singular: 'Campaign', plural: 'Campaigns' },
    idPrefix: 'C',
    page: 'object',
    navigation: 'Campaigns',
    list: { intro: 'Campaigns are groupings of intrusion activity over a period of time with common targets and objectives.' },
  },
  detectionstrategy: {
    stixTypes: ['x-mitre-detection-strategy'],
    collection: 'detectionstrategies',
    labels: { singular: 'Detection Strategy', plural: 'Detection Strategies' },
    idPrefix: 'DET',
    page: 'object',
    navigation: 'Detection',
    list: { intro: 'Detection strategies describe how to detect a technique, through analytics for each platform.' },
  },
  analytic: {
    stixTypes: ['x-mitre-analytic'],
    collection: 'analytics',
    labels: { singular: 'Analytic', plural: 'Analytics' },
    idPrefix: 'AN',
    page: 'anchor',
  },
  datacomponent: {
    stixTypes: ['x-mitre-data-component'],
    collection: 'datacomponents',
    labels: { singular: 'Data Component', plural: 'Data Components' },
    idPrefix: 'DC',
    page: 'object',
    navigation: 'Data Components',
    list: { intro: 'Data components are the specific properties or values of a data source that analytics read, through log sources.' },
  },
  datasource: {
    stixTypes: ['x-mitre-data-source'],
    collection: 'datasources',
    labels: { singular: 'Data Source', plural: 'Data Sources' },
    idPrefix: 'DS',
    page: 'object',
  },
  asset: {
    stixTypes: ['x-mitre-asset'],
    collection: 'assets',
    labels: { singular: 'Asset', plural: 'Assets' },
    idPrefix: 'A',
    page: 'object',
    navigation: 'Assets',
    list: { intro: 'Assets are the devices and systems of industrial control environments that techniques target.' },
  },
} as const satisfies Record<string, KindDefinition>;

export type Kind = keyof typeof KINDS;
export type Collection = (typeof KINDS)[Kind]['collection'];

/** Every kind, in the registry's order. */
export const ALL_KINDS = Object.keys(KINDS) as Kind[];

/** Kinds whose objects have pages of their own at `/<collection>/<id>/`. */
export type ObjectPageKind = { [K in Kind]: (typeof KINDS)[K]['page'] extends 'object' ? K : never }[Kind];
export function hasObjectPage(kind: Kind): kind is ObjectPageKind {
  return KINDS[kind].page === 'object';
}
export const OBJECT_PAGE_KINDS = ALL_KINDS.filter(hasObjectPage);

/** Kinds with list pages (`/techniques/`, `/techniques/enterprise/`), in navigation order. */
export type ListedKind = { [K in Kind]: (typeof KINDS)[K] extends { list: object } ? K : never }[Kind];
export function isListedKind(kind: Kind): kind is ListedKind {
  return 'list' in KINDS[kind];
}
export const LISTED_KINDS = ALL_KINDS.filter(isListedKind);

/** The kind a STIX type is read as: `attack-pattern` → `technique`. */
export const KIND_OF_STIX_TYPE: ReadonlyMap<string, Kind> = new Map(
  ALL_KINDS.flatMap((kind) => KINDS[kind].stixTypes.map((type) => [type, kind] as const)),
);

/** What software's two STIX types are called on pages. */
export const SOFTWARE_TYPE_LABELS: Record<(typeof KINDS.software.stixTypes)[number], string> = { malware: 'Malware', tool: 'Tool' };

export function isKind(value: string): value is Kind {
  return Object.hasOwn(KINDS, value);
}

/** The kind whose collection is `collection`. */
export function kindOfCollection(collection: string): Kind | undefined {
  return ALL_KINDS.find((kind) => KINDS[kind].collection === collection);
}
