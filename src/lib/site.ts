/** Site-wide names and navigation. */
import { withBase } from './urls.ts';

export const SITE_NAME = 'ATT&CK Knowledge Base';

/** The base path the site is built for, always with a trailing slash. */
export const BASE = withBase(import.meta.env.BASE_URL, '/');

export function url(path: string): string {
  return withBase(BASE, path);
}

export const NAVIGATION = [
  { text: 'Matrices', path: '/matrices/' },
  { text: 'Tactics', path: '/tactics/' },
  { text: 'Techniques', path: '/techniques/' },
  { text: 'Mitigations', path: '/mitigations/' },
  { text: 'Groups', path: '/groups/' },
  { text: 'Software', path: '/software/' },
  { text: 'Campaigns', path: '/campaigns/' },
  { text: 'Detection', path: '/detectionstrategies/' },
  { text: 'Data Components', path: '/datacomponents/' },
  { text: 'Assets', path: '/assets/' },
  { text: 'Procedures', path: '/procedures/' },
  { text: 'Notes', path: '/notes/' },
];
