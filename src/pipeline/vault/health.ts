/**
 * The vault's health (src/model/notes.ts: VaultHealth), from its notes and what the import noticed;
 * with the history of several releases, what each release changed of what the notes link to.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { HistoryIndex } from '../../lib/history.ts';
import type { Note, VaultHealth } from '../../model/notes.ts';
import type { ImportReport } from '../report.ts';
import { notesReleaseChanges } from './release-changes.ts';

export function vaultHealth(root: string, notes: Note[], files: number, hidden: number, report: ImportReport, history?: HistoryIndex): VaultHealth {
  const file = (source: string) => relative(root, source).split(sep).join('/');
  const inVault = (source: string | undefined) => source !== undefined && source !== '' && !file(source).startsWith('..') && !isAbsolute(file(source));
  const linked = new Set(notes.flatMap((note) => note.linksToNotes.filter((id) => id !== note.id)));
  const orphans = notes.filter((note) => !linked.has(note.id)).map((note) => note.id);
  const brokenLinks = report.brokenLinks.filter((link) => inVault(link.source)).map((link) => ({ ...link, file: file(link.source), source: undefined }));
  const outdatedIds = report.outdatedIds.filter((use) => inVault(use.source)).map((use) => ({ ...use, file: file(use.source), source: undefined }));
  const attackLinks = report.attackLinks.filter((use) => inVault(use.source)).map(({ source, line, text, id }) => ({ file: file(source), line, text, id }));
  return {
    counts: {
      notes: notes.length,
      procedures: notes.filter((note) => note.kind === 'procedure').length,
      tags: new Set(notes.flatMap((note) => note.tags.map((tag) => tag.toLowerCase()))).size,
      files,
      hidden,
      brokenLinks: brokenLinks.length,
      orphans: orphans.length,
      outdatedIds: outdatedIds.length,
      warnings: report.warnings.filter((warning) => inVault(warning.source)).length,
    },
    brokenLinks: brokenLinks.map(({ file: path, line, target, reason }) => ({ file: path, line, target, reason })),
    orphans,
    outdatedIds: outdatedIds.map(({ file: path, line, id, status, replacement }) => ({ file: path, line, id, status, replacement })),
    releaseChanges: history ? notesReleaseChanges(history, notes, attackLinks) : [],
  };
}
