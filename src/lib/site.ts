/** Site-wide names and navigation. */
import { ALL_KINDS, isListedKind, KINDS } from '../model/kinds.ts';
import { href, paths, type SitePath } from './paths.ts';

export const SITE_NAME = 'ATT&CK Knowledge Base';

/** The base path the site is built for, always with a trailing slash. */
export const BASE = import.meta.env.BASE_URL.replace(/\/*$/, '/');

/** The URL of a path of the site, under the base path. */
export function url(path: SitePath): string {
  return href(BASE, path);
}

/** A path's address for files read outside the site (CSV): absolute when the site's address is known (--site), else under the base path. */
export function siteAddress(path: SitePath): string {
  const site = import.meta.env.SITE;
  return site ? new URL(url(path), site).href : url(path);
}

/** The site's navigation: the kinds the registry puts there, then the team's notes. */
export const NAVIGATION: { text: string; path: SitePath }[] = [
  ...ALL_KINDS.flatMap((kind) => {
    const entry = KINDS[kind];
    const listed = kind === 'matrix' || isListedKind(kind);
    return 'navigation' in entry && listed ? [{ text: entry.navigation, path: paths.list(kind) }] : [];
  }),
  { text: 'Procedures', path: paths.procedures() },
  { text: 'Notes', path: paths.notes() },
  { text: 'Coverage', path: paths.coverage() },
];
