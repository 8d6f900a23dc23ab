/**
 * `/vault-health/`: for the people who keep the vault. What the import found: links that lead
 * nowhere, notes no other note links to, ATT&CK ids that were revoked or deprecated, each with its
 * file and line, as paged tables (src/lib/pages/paged-table.ts), and counts.
 */
import type { VaultHealth } from '../../model/notes.ts';
import { href, paths } from '../paths.ts';
import type { Vault } from '../vault.ts';
import { siteLink, type CardRow, type Link } from './common.ts';
import { PAGE_SIZE, type PagedTable } from './paged-table.ts';

/** The lists of the page, by the path segment of their data files. */
export const HEALTH_LISTS = ['broken-links', 'orphans', 'outdated-ids'] as const;
export type HealthList = (typeof HEALTH_LISTS)[number];

export interface VaultHealthPage {
  counts: CardRow[];
  tables: Record<HealthList, PagedTable>;
}

export function vaultHealthPage(health: VaultHealth, vault: Vault, base: string): VaultHealthPage {
  const where = (file: string, line?: number) => (line === undefined ? file : `${file}:${line}`);
  const source = (list: HealthList, rows: number) => (rows > PAGE_SIZE ? href(base, paths.listData(paths.vaultHealth(list))) : undefined);
  const { counts } = health;
  return {
    counts: [
      { label: 'Notes', value: `${counts.notes} (${counts.procedures} procedures)` },
      { label: 'Tags', value: String(counts.tags) },
      { label: 'Files shown', value: String(counts.files) },
      { label: 'Left out as hidden', value: String(counts.hidden) },
      { label: 'Broken links', value: String(counts.brokenLinks) },
      { label: 'Notes nobody links to', value: String(counts.orphans) },
      { label: 'Revoked or deprecated ids', value: String(counts.outdatedIds) },
      ...(health.releaseChanges.length > 0 ? [{ label: 'Links that releases changed', value: releaseLinks(health, base) }] : []),
      { label: 'Warnings', value: `${counts.warnings} (all in the import report)` },
    ],
    tables: {
      'broken-links': {
        caption: 'Broken links',
        headers: ['File', 'Link to', 'Why'],
        rows: health.brokenLinks.map((link) => ({ cells: [where(link.file, link.line), link.target || '(empty)', link.reason] })),
        noun: { singular: 'broken link', plural: 'broken links' },
        source: source('broken-links', health.brokenLinks.length),
      },
      orphans: {
        caption: 'Notes nobody links to',
        headers: ['Note', 'File'],
        rows: health.orphans.flatMap((id) => {
          const note = vault.get(id);
          return note ? [{ cells: [siteLink(note.path, base, note.title), note.file] }] : [];
        }),
        noun: { singular: 'note', plural: 'notes' },
        source: source('orphans', health.orphans.length),
      },
      'outdated-ids': {
        caption: 'Revoked and deprecated ids',
        headers: ['File', 'Id', 'Status', 'Replaced by'],
        rows: health.outdatedIds.map((use) => ({ cells: [where(use.file, use.line), use.id, use.status, use.replacement ?? ''] })),
        noun: { singular: 'use', plural: 'uses' },
        source: source('outdated-ids', health.outdatedIds.length),
      },
    },
  };
}

/** Per release pair, how many links of the notes it changed, linked to its page. */
function releaseLinks(health: VaultHealth, base: string): Link[] {
  return health.releaseChanges.map(({ from, to, links }) => siteLink(paths.notesChanges(from, to), base, `ATT&CK ${from} → ${to}: ${links.length}`));
}
