/** Site-wide names, where a page's links are rooted, and navigation. */
import { ALL_KINDS, isListedKind, KINDS } from '../model/kinds.ts';
import { href, paths, type SitePath } from './paths.ts';

export const SITE_NAME = 'ATT&CK Knowledge Base';

/** The base path the site is built for, always with a trailing slash. */
export const BASE = import.meta.env.BASE_URL.replace(/\/*$/, '/');

/** The URL of a path of the live site, under the base path. */
export function url(path: SitePath): string {
  return href(BASE, path);
}

/** A path's address for files read outside the site (CSV): absolute when the site's address is known (--site), else under the base path. */
export function siteAddress(path: SitePath): string {
  const site = import.meta.env.SITE;
  return site ? new URL(url(path), site).href : url(path);
}

/**
 * Where a page's links start. The live site's pages are rooted at the base path; a release's
 * frozen pages at `<base>versions/v<release>/`, so that each of their links leads to the same
 * release's page of that path.
 */
export interface PageRoot {
  base: string;
  /** The release a frozen page shows; undefined on the live site. */
  frozen?: string;
}

export const LIVE_ROOT: PageRoot = { base: BASE };

export function frozenRoot(release: string): PageRoot {
  return { base: url(paths.version(release)), frozen: release };
}

interface NavigationEntry {
  text: string;
  path: SitePath;
  /** Pages of the live site only: the team's notes, coverage, the changes between releases. */
  liveOnly?: true;
  /** Shown only when more than one release is loaded. */
  releases?: true;
}

/** The site's navigation: the kinds the registry puts there, then the live site's own sections. */
export const NAVIGATION: NavigationEntry[] = [
  ...ALL_KINDS.flatMap((kind) => {
    const entry = KINDS[kind];
    const listed = kind === 'matrix' || isListedKind(kind);
    return 'navigation' in entry && listed ? [{ text: entry.navigation, path: paths.list(kind) }] : [];
  }),
  { text: 'Procedures', path: paths.procedures(), liveOnly: true },
  { text: 'Notes', path: paths.notes(), liveOnly: true },
  { text: 'Coverage', path: paths.coverage(), liveOnly: true },
  { text: 'Changes', path: paths.changes(), liveOnly: true, releases: true },
];
