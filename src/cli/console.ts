/** What the scripts print: summaries, warnings, and failures with their exit status. */
import { paths } from '../lib/paths.ts';
import { DOMAIN_LABELS } from '../model/attack.ts';
import type { ImportResult } from '../pipeline/run.ts';
import { ImportError, formatProblem } from '../pipeline/report.ts';
import { UsageError } from './options.ts';

/** Warnings printed in full; the rest are counted (all are in the saved report). */
const WARNINGS_SHOWN = 20;

export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

export function printImportSummary({ releases, collections, report }: ImportResult, milliseconds: number): void {
  for (const bundle of releases.flatMap(({ collections: ofRelease }) => ofRelease.releases)) {
    console.log(
      `loaded ${DOMAIN_LABELS[bundle.domain]} ATT&CK ${bundle.release} (STIX ${bundle.specVersion}, ${bundle.objectCount} objects) from ${bundle.id}`,
    );
  }
  const counts = Object.entries(collections)
    .filter(([name]) => name !== 'releases')
    .map(([name, entries]) => `${entries.length} ${name}`);
  const live = releases.length > 1 ? ` (ATT&CK ${releases.at(-1)!.release}, the live release, of ${releases.length} releases)` : '';
  console.log(`imported ${counts.join(', ')}${live} in ${(milliseconds / 1000).toFixed(1)} s`);
  for (const { from, to, links } of report.vault?.releaseChanges ?? []) {
    if (links.length === 0) continue;
    const notes = new Set(links.map((link) => link.note)).size;
    console.log(`notes: ${links.length} links in ${notes} notes name objects that ATT&CK ${to} revoked, deprecated, renamed or gave a new major version (against ${from}): see ${paths.notesChanges(from, to)}`);
  }
  for (const link of report.brokenLinks.slice(0, WARNINGS_SHOWN)) {
    console.warn(`broken link: ${formatProblem({ source: link.source, line: link.line, message: `[[${link.target}]] (${link.reason})` })}`);
  }
  if (report.brokenLinks.length > WARNINGS_SHOWN) {
    console.warn(`broken link: ${report.brokenLinks.length - WARNINGS_SHOWN} more in the import report`);
  }
  for (const warning of report.warnings.slice(0, WARNINGS_SHOWN)) {
    console.warn(`warning: ${formatProblem(warning)}`);
  }
  const more = report.warnings.length - WARNINGS_SHOWN;
  if (more > 0) console.warn(`warning: ${more} more warnings in the import report`);
}

/** Prints why the script failed and returns the exit status to use. */
export function reportFailure(error: unknown): number {
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}`);
    return EXIT_USAGE;
  }
  if (error instanceof ImportError) {
    for (const problem of error.problems) console.error(`error: ${formatProblem(problem)}`);
    return EXIT_BAD_INPUT;
  }
  console.error(error);
  return EXIT_BAD_INPUT;
}
