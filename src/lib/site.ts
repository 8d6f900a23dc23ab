/** Site-wide names and navigation. */
import { withBase } from './urls.ts';

export const SITE_NAME = 'ATT&CK Knowledge Base';

/** The base path the site is built for, always with a trailing slash. */
export const BASE = withBase(import.meta.env.BASE_URL, '/');

export function url(path: string): string {
  return withBase(BASE, path);
}

export const NAVIGATION = [
  { text: 'Tactics', path: '/tactics/' },
  { text: 'Techniques', path: '/techniques/' },
  { text: 'Mitigations', path: '/mitigations/' },
];
