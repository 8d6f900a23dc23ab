/**
 * One page of each kind, for the checks too slow to run on every page (accessibility in light and
 * dark, HTML validity, the Content-Security-Policy in Chromium). Paths are relative to the base path.
 */
import type { Page } from 'playwright-core';

export interface RepresentativePage {
  name: string;
  /** The page's folder under the base path. */
  path: string;
  /** What the browser checks add to the address, such as a search query. */
  query?: string;
  /** An element the browser checks wait for, on pages that fill themselves in. */
  ready?: string;
}

export const REPRESENTATIVE_PAGES: RepresentativePage[] = [
  { name: 'home', path: '' },
  { name: 'technique', path: 'techniques/T1059/' },
  { name: 'sub-technique with 200+ procedures', path: 'techniques/T1059/001/' },
  { name: 'technique list', path: 'techniques/enterprise/' },
  { name: 'tactic', path: 'tactics/TA0002/' },
  { name: 'matrix', path: 'matrices/enterprise/' },
  { name: 'mitigation', path: 'mitigations/M1038/' },
  { name: 'group', path: 'groups/G0016/' },
  { name: 'software', path: 'software/S0002/' },
  { name: 'campaign', path: 'campaigns/C0024/' },
  { name: 'detection strategy', path: 'detectionstrategies/DET0455/' },
  { name: 'data component', path: 'datacomponents/DC0001/' },
  { name: 'asset', path: 'assets/A0001/' },
  { name: 'procedure note', path: 'procedures/zone-transfer-check/' },
  { name: 'note with callouts and embeds', path: 'playbooks/dns-reconnaissance/' },
  { name: 'technique with team notes', path: 'techniques/T1590/002/' },
  { name: 'procedure list', path: 'procedures/' },
  { name: 'team notes a release changed', path: 'changes/v17.1-v18.0/notes/' },
  { name: 'search results', path: 'search/', query: '?q=powershell', ready: '#search-page-results [role="option"]' },
  { name: 'Sigma rule', path: 'sigma/rules/0152550d-3a26-4efd-9f0e-54a0b28ae2f3/' },
  { name: 'Sigma rules of a technique', path: 'sigma/techniques/T1059/001/' },
  { name: 'atomic tests', path: 'atomics/T1059/001/' },
  { name: 'coverage matrix', path: 'coverage/enterprise/' },
  { name: 'compare', path: 'compare/', query: '?ids=G0016,G0007', ready: '.compare-matrix' },
  { name: 'downloads', path: 'downloads/' },
];


/** Opens a representative page in the browser, filled in and ready to check. */
export async function openRepresentative(page: Page, siteUrl: string, { path, query = '', ready }: RepresentativePage): Promise<void> {
  await page.goto(`${siteUrl}${path}${query}`);
  if (ready) await page.waitForSelector(ready);
}
