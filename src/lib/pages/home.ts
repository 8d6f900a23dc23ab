/**
 * The home page's way to the team's own content: procedures, notes and tags of the vault, and the
 * detection content (Sigma rules, Atomic tests), each with how much there is. What the site has
 * none of is left out.
 */
import type { Detections } from '../detections.ts';
import { href, paths, type SitePath } from '../paths.ts';
import type { Vault } from '../vault.ts';
import type { DomainSummary } from './common.ts';

export function teamSummaries(vault: Vault, detections: Detections, base: string): DomainSummary[] {
  const procedures = vault.procedures().length;
  const entries: { label: string; count: number; noun: string; path: SitePath }[] = [
    { label: 'Procedures', count: procedures, noun: 'procedure', path: paths.procedures() },
    { label: 'Notes', count: vault.notes.length - procedures, noun: 'note', path: paths.notes() },
    { label: 'Tags', count: vault.tags().length, noun: 'tag', path: paths.tags() },
    { label: 'Sigma rules', count: detections.rules.length, noun: 'rule', path: paths.sigmaRules() },
    { label: 'Atomic tests', count: detections.tests.length, noun: 'test', path: paths.atomics() },
  ];
  return entries
    .filter(({ count }) => count > 0)
    .map(({ label, count, noun, path }) => ({ label, href: href(base, path), countText: `${count.toLocaleString('en-US')} ${count === 1 ? noun : `${noun}s`}` }));
}
