/**
 * What the import noticed. Fatal problems are thrown as ImportError; recoverable ones are
 * collected as warnings, printed, and saved next to the collections.
 */
import type { VaultHealth } from '../model/notes.ts';
import type { AttackMatch } from './vault/resolve.ts';

/** Where a problem was found: the input file or URL, and the object or line in it. */
export interface Location {
  source?: string;
  objectId?: string;
  line?: number;
}

/** A link in a note that leads nowhere. */
export interface BrokenLink {
  source: string;
  line?: number;
  target: string;
  reason: string;
}

/** An ATT&CK id a note names that ATT&CK revoked or deprecated. */
export interface OutdatedIdUse {
  source: string;
  line?: number;
  id: string;
  status: 'revoked' | 'deprecated';
  replacement?: string;
}

/** A link from a note to an ATT&CK object, as written: what tells which notes a release changed. */
export interface AttackLinkUse {
  source: string;
  line?: number;
  /** The link as the note writes it: `[[T1552.003|Bash History]]`, a frontmatter value, an attack.mitre.org URL. */
  text: string;
  /** STIX id of the object it names (the revoked object, not its replacement). */
  id: string;
}

export interface Problem extends Location {
  message: string;
}

export function formatProblem({ source, objectId, line, message }: Problem): string {
  const file = source && line ? `${source}:${line}` : source;
  const where = [file, objectId].filter(Boolean).join(': ');
  return where ? `${where}: ${message}` : message;
}

/** A problem that stops the import. Its message names the file or URL and the object. */
export class ImportError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ImportError';
    this.problems = problems;
  }

  static at(location: Location, message: string): ImportError {
    return new ImportError([{ ...location, message }]);
  }
}

export class ImportReport {
  readonly warnings: Problem[] = [];
  readonly errors: Problem[] = [];
  readonly brokenLinks: BrokenLink[] = [];
  readonly outdatedIds: OutdatedIdUse[] = [];
  /** Every link of the notes to ATT&CK; the saved report holds what the vault's health makes of them instead. */
  readonly attackLinks: AttackLinkUse[] = [];
  /** The vault's health (src/pipeline/vault/health.ts), when a vault was imported. */
  vault?: VaultHealth;

  warn(location: Location, message: string): void {
    this.warnings.push({ ...location, message });
  }

  /** A warning about an outdated ATT&CK id a note names, kept apart for the vault's health page. */
  outdatedId(location: Location, outdated: Omit<OutdatedIdUse, 'source' | 'line'>, message: string): void {
    this.warn(location, message);
    this.outdatedIds.push({ source: location.source ?? '', line: location.line, ...outdated });
  }

  /** A note's link to ATT&CK, written `text`; a warning too when the id it names is outdated. */
  attackLink(location: Location, match: AttackMatch, text: string): void {
    this.attackLinks.push({ source: location.source ?? '', line: location.line, text, id: match.named.id });
    if (match.outdated && match.warning) this.outdatedId(location, match.outdated, match.warning);
  }

  brokenLink(location: Location, target: string, reason: string): void {
    this.brokenLinks.push({ source: location.source ?? '', line: location.line, target, reason });
  }

  /** Warnings and broken links, which --strict turns into errors. */
  recoverableProblems(): Problem[] {
    return [
      ...this.warnings,
      ...this.brokenLinks.map(({ source, line, target, reason }) => ({ source, line, message: `broken link [[${target}]] (${reason})` })),
    ];
  }

  /** Adds what another report noticed (a note's own, kept by a cache) to this one. */
  absorb(other: ImportReport): void {
    this.warnings.push(...other.warnings);
    this.brokenLinks.push(...other.brokenLinks);
    this.outdatedIds.push(...other.outdatedIds);
    this.attackLinks.push(...other.attackLinks);
  }

  /** The saved report: without the list of every link to ATT&CK, which grows with the vault. */
  toJSON(): Record<string, unknown> {
    const { attackLinks, ...saved } = this;
    return saved;
  }

  error(location: Location, message: string): void {
    this.errors.push({ ...location, message });
  }

  /** Throws every error collected so far, if any. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new ImportError(this.errors);
  }
}
