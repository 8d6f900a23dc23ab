/**
 * Every path of the site, made in one place. A SitePath is root-relative (`/techniques/T1059/001/`)
 * and typed apart from other strings, so that a path cannot be assembled by hand elsewhere: the
 * importer stores SitePaths in the collections, pages pass them around, and `href()` puts the base
 * path in front, once, when a link is written.
 */
import { DOMAIN_SLUGS, type Domain } from '../model/domains.ts';
import { attackIdPath } from '../model/ids.ts';
import { KINDS, type ListedKind, type ObjectPageKind } from '../model/kinds.ts';
import { slugOf } from './slugs.ts';

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
} as const;

export const paths = {
  home: () => folder(),
  search: () => folder(SECTIONS.search),
  /** An object's page: `/techniques/T1059/001/`, `/groups/G0016/`. */
  object: (kind: ObjectPageKind, attackId: string) => folder(KINDS[kind].collection, attackIdPath(attackId)),
  /** A place on another page: an analytic on its detection strategy's page. */
  anchor: (page: SitePath, id: string) => `${page}#${id}` as SitePath,
  /** `/matrices/enterprise/`, `/matrices/enterprise/windows/` for one platform's matrix (see platformSlug). */
  matrix: (domain: Domain, platformSlug?: string) => folder(KINDS.matrix.collection, DOMAIN_SLUGS[domain], ...(platformSlug ? [platformSlug] : [])),
  matrices: () => folder(KINDS.matrix.collection),
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
  note: (segments: string[]) => folder(SECTIONS.notes, ...segments.map(slugOf)),
  permalink: (segments: string[]) => folder(...segments.map(slugOf)),
  tags: () => folder(SECTIONS.tags),
  /** The folder vault files are published in. */
  files: () => folder(SECTIONS.files),
  /** `Network/DNS` → `/tags/network/dns/` */
  tag: (tag: string) => folder(SECTIONS.tags, ...tag.split('/').filter(Boolean).map(slugOf)),
  /** A vault file: `/files/images/diagram.png` (the name slugged, the extension kept). */
  file: (folders: string[], name: string, extension: string) => file(SECTIONS.files, ...folders.map(slugOf), `${slugOf(name)}${extension}`),
  favicon: () => file('favicon.svg'),
  /** Pagefind's index, written by the last step of the build (src/pipeline/emit/search-index.ts). */
  searchIndex: () => folder('pagefind'),
  searchScript: () => file('pagefind', 'pagefind.js'),
  /** The name index beside Pagefind's (src/pipeline/emit/search-names.ts). */
  searchNames: () => file('pagefind', 'names.json.gz'),
  /** The n-th of several things that would have one path: `/notes/x/` → `/notes/x-2/`, `/files/a.png` → `/files/a-2.png`. */
  numbered: (path: SitePath, n: number) => path.replace(/(\.[^./]+)?(\/?)$/, (end) => `-${n}${end}`) as SitePath,
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
