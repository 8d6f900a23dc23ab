/**
 * Every path of the site, made in one place. A SitePath is root-relative (`/techniques/T1059/001/`)
 * and typed apart from other strings, so that a path cannot be assembled by hand elsewhere: the
 * importer stores SitePaths in the collections, pages pass them around, and `href()` puts the base
 * path in front, once, when a link is written.
 */
import { DOMAIN_SLUGS, type Domain } from '../model/domains.ts';
import { attackIdPath } from '../model/ids.ts';
import { KINDS, type ListedKind, type ObjectPageKind } from '../model/kinds.ts';
import { shortHash, slugOf } from './slugs.ts';

import type { SitePath } from '../model/site-path.ts';

export type { SitePath };

/** `/a/b/` from segments `a`, `b`; the home page from none. */
function folder(...segments: string[]): SitePath {
  return (segments.length === 0 ? '/' : `/${segments.join('/')}/`) as SitePath;
}

/** `/a/b.json`: a file, not a page. */
function file(...segments: string[]): SitePath {
  return `/${segments.join('/')}` as SitePath;
}

/** The site's own top-level sections besides those of the object kinds. */
const SECTIONS = {
  procedures: 'procedures',
  notes: 'notes',
  tags: 'tags',
  files: 'files',
  search: 'search',
  versions: 'versions',
  changes: 'changes',
  health: 'vault-health',
  sigma: 'sigma',
  atomics: 'atomics',
  coverage: 'coverage',
  downloads: 'downloads',
  compare: 'compare',
} as const;

/** `18.0`, `18.1` → `v18.0-v18.1`: a pair of releases in URLs. */
function releasePair(from: string, to: string): string {
  return `v${from}-v${to}`;
}

export const paths = {
  home: () => folder(),
  search: () => folder(SECTIONS.search),
  /** An object's page: `/techniques/T1059/001/`, `/groups/G0016/`. */
  object: (kind: ObjectPageKind, attackId: string) => folder(KINDS[kind].collection, attackIdPath(attackId)),
  /** A place on another page: an analytic on its detection strategy's page. */
  anchor: (page: SitePath, id: string) => `${page}#${id}` as SitePath,
  /** The id of a section's row about an object: `procedure-examples-G0016`, `techniques-addressed-T1059-001` (letters, digits and dashes only). */
  rowAnchor: (section: string, attackId: string) => `${section}-${attackId.replaceAll('.', '-')}`,
  /** `/matrices/enterprise/`, `/matrices/enterprise/windows/` for one platform's matrix (see platformSlug). */
  matrix: (domain: Domain, platformSlug?: string) => folder(KINDS.matrix.collection, DOMAIN_SLUGS[domain], ...(platformSlug ? [platformSlug] : [])),
  matrices: () => folder(KINDS.matrix.collection),
  /** A matrix's Navigator layer, in its domain's folder: `/matrices/enterprise/enterprise-layer.json`, `enterprise-windows-layer.json`. */
  matrixLayer: (domain: Domain, platformSlug?: string) =>
    file(KINDS.matrix.collection, DOMAIN_SLUGS[domain], `${[DOMAIN_SLUGS[domain], ...(platformSlug ? [platformSlug] : [])].join('-')}-layer.json`),
  /** A kind's overview (`/techniques/`) or one domain's list (`/techniques/enterprise/`). */
  list: (kind: ListedKind | 'matrix', domain?: Domain) => folder(KINDS[kind].collection, ...(domain ? [DOMAIN_SLUGS[domain]] : [])),
  /** Analytics of every detection strategy, when none holds them. */
  analytics: () => folder(KINDS.analytic.collection),
  /** A Navigator layer beside its object's page: `/groups/G0016/G0016-enterprise-layer.json`. */
  layer: (page: SitePath, attackId: string, domain: Domain) => `${page}${attackId}-${DOMAIN_SLUGS[domain]}-layer.json` as SitePath,
  procedures: () => folder(SECTIONS.procedures),
  procedure: (name: string) => folder(SECTIONS.procedures, slugOf(name)),
  notes: () => folder(SECTIONS.notes),
  /** A note's page at its vault path (`/notes/playbooks/dns-triage/`) or at its permalink. */
  note: (segments: string[]) => folder(SECTIONS.notes, ...segments.map((segment) => slugOf(segment))),
  permalink: (segments: string[]) => folder(...segments.map((segment) => slugOf(segment))),
  tags: () => folder(SECTIONS.tags),
  /** The vault's health page, or one of its lists (`/vault-health/broken-links/`, for its data file). */
  vaultHealth: (list?: string) => folder(SECTIONS.health, ...(list ? [list] : [])),
  /** The data file of a long list's page (`/procedures/index.json`): every row, for the browser to page through. */
  listData: (page: SitePath) => `${page}index.json` as SitePath,
  /** The folder vault files are published in. */
  files: () => folder(SECTIONS.files),
  /** `Network/DNS` → `/tags/network/dns/`; never `/tags/` itself, whatever the tag. */
  tag: (tag: string) => {
    const segments = tag.split('/').filter((segment) => segment.trim());
    return folder(SECTIONS.tags, ...(segments.length > 0 ? segments : [tag]).map((segment) => slugOf(segment, 'tag')));
  },
  /** A vault file: `/files/images/diagram.png` (the name slugged, the extension kept). */
  file: (folders: string[], name: string, extension: string) => file(SECTIONS.files, ...folders.map((segment) => slugOf(segment)), `${slugOf(name)}${extension}`),
  favicon: () => file('favicon.svg'),
  /**
   * `/versions/v17.1/`: a release's frozen pages are its own paths under this one (a frozen page
   * is rooted there, see src/lib/site.ts), as `/versions/v17.1/techniques/T1059/001/`.
   */
  version: (release: string) => folder(SECTIONS.versions, `v${release}`),
  /** Where every release's frozen pages are. */
  versions: () => folder(SECTIONS.versions),
  /** Every pair of releases compared. */
  changes: () => folder(SECTIONS.changes),
  /** `/changes/v18.0-v18.1/`: the changelog of a release pair. */
  releaseChanges: (from: string, to: string) => folder(SECTIONS.changes, releasePair(from, to)),
  /** `/changes/v18.0-v18.1/enterprise/`: one domain's changes. */
  domainChanges: (from: string, to: string, domain: Domain) => folder(SECTIONS.changes, releasePair(from, to), DOMAIN_SLUGS[domain]),
  /** `/changes/v18.0-v18.1/techniques/T1059/001/`: what changed in one object, at its own path. */
  objectChanges: (from: string, to: string, page: SitePath) => `/${SECTIONS.changes}/${releasePair(from, to)}${page}` as SitePath,
  /** The changelog in diffStix's JSON structure, and its Navigator layer per domain. */
  changelogJson: (from: string, to: string) => file(SECTIONS.changes, releasePair(from, to), 'changelog.json'),
  changelogLayer: (from: string, to: string, domain: Domain) => file(SECTIONS.changes, releasePair(from, to), `layer-${DOMAIN_SLUGS[domain]}.json`),
  /** The team's notes that a release pair's changes touch. */
  notesChanges: (from: string, to: string) => folder(SECTIONS.changes, releasePair(from, to), 'notes'),
  /** Pagefind's index, written by the last step of the build (src/pipeline/emit/search-index.ts). */
  searchIndex: () => folder('pagefind'),
  searchScript: () => file('pagefind', 'pagefind.js'),
  /**
   * Another thing's path where `path` is taken, made from what names the thing (its vault path), so
   * that it stays put while others come and go: `/notes/x/` → `/notes/x-1a2b3c4d/`, `/files/a.png` → `/files/a-1a2b3c4d.png`.
   */
  variant: (path: SitePath, key: string) => path.replace(/(\.[^./]+)?(\/?)$/, (end) => `-${shortHash(key)}${end}`) as SitePath,
  /** Sigma rules: all of them (`/sigma/`, then `/sigma/page/2/`), one rule (`/sigma/rules/<id>/`). */
  sigmaRules: (page = 1) => folder(SECTIONS.sigma, ...(page > 1 ? ['page', String(page)] : [])),
  sigmaRule: (id: string) => folder(SECTIONS.sigma, 'rules', id),
  /** The rules tagged with an ATT&CK object: `/sigma/techniques/T1059/001/`, then `.../page-2/`. */
  sigmaRulesFor: (kind: ObjectPageKind, attackId: string, page = 1) =>
    folder(SECTIONS.sigma, KINDS[kind].collection, attackIdPath(attackId), ...(page > 1 ? [`page-${page}`] : [])),
  /** Atomic Red Team tests: every technique's (`/atomics/`), one technique file's (`/atomics/T1059/001/`). */
  atomics: () => folder(SECTIONS.atomics),
  atomicTests: (techniqueId: string) => folder(SECTIONS.atomics, attackIdPath(techniqueId)),
  /** A test's anchor on its technique's page: `test-<GUID>` (an id must start with a letter). */
  atomicTestAnchor: (testId: string) => `test-${testId}`,
  /** Coverage: every domain (`/coverage/`), one domain's matrix (`/coverage/enterprise/`) and table, CSV and Navigator layer. */
  coverage: (domain?: Domain) => folder(SECTIONS.coverage, ...(domain ? [DOMAIN_SLUGS[domain]] : [])),
  coverageTable: (domain: Domain) => folder(SECTIONS.coverage, DOMAIN_SLUGS[domain], 'table'),
  coverageCsv: (domain: Domain) => file(SECTIONS.coverage, `${DOMAIN_SLUGS[domain]}-coverage.csv`),
  coverageLayer: (domain: Domain) => file(SECTIONS.coverage, `${DOMAIN_SLUGS[domain]}-coverage-layer.json`),
  /** `/downloads/` and the files it lists: `/downloads/enterprise-attack-18.1.xlsx`. */
  downloads: () => folder(SECTIONS.downloads),
  download: (name: string) => file(SECTIONS.downloads, name),
  /** An object as JSON beside its page: the site's form (`T1059.001.json`) and its STIX object (`T1059.001-stix.json`). */
  objectJson: (page: SitePath, attackId: string) => `${page}${attackId}.json` as SitePath,
  objectStix: (page: SitePath, attackId: string) => `${page}${attackId}-stix.json` as SitePath,
  /** A page's link preview (src/lib/link-previews.ts): `/techniques/T1059/001/preview.json`, `/notes/x/preview.json`. */
  preview: (page: SitePath) => `${page}preview.json` as SitePath,
  /** Comparing groups, software and campaigns (`/compare/`), groups by techniques (`/compare/groups/`), and the data both read. */
  compare: () => folder(SECTIONS.compare),
  compareGroups: () => folder(SECTIONS.compare, 'groups'),
  compareData: () => file(SECTIONS.compare, 'usage.json'),
  /** The name index beside Pagefind's (src/pipeline/emit/search-names.ts). */
  searchNames: () => file('pagefind', 'names.json.gz'),
};

/** "Network Devices" → "network-devices", "macOS" → "macos" */
export function platformSlug(platform: string): string {
  return platform
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The first path segments that belong to the site itself: no note's permalink may take them. */
export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  ...Object.values(KINDS).map((kind) => kind.collection),
  ...Object.values(SECTIONS).filter((section) => section !== SECTIONS.notes),
  'pagefind',
  '_astro',
  'favicon.svg',
  'sitemap-index.xml',
  'sitemap-0.xml',
  '404.html',
]);

/** Pages that notes live under: a permalink may name a page below them, not them. */
export const NOTE_LIST_PAGES: ReadonlySet<SitePath> = new Set([paths.notes()]);

/**
 * The rest parameter of the route that serves `path` from inside `within` (the home page by
 * default): `/tags/a/b/` within `/tags/` → `a/b`. Routes name their pages' paths with it.
 */
export function routeParam(path: SitePath, within: SitePath = paths.home()): string {
  if (!path.startsWith(within)) throw new Error(`${path} is not inside ${within}`);
  return path.slice(within.length).replace(/\/$/, '');
}

/** The URL of a site path under the base path the site is served from: the one place it is added. */
export function href(base: string, path: SitePath): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}
