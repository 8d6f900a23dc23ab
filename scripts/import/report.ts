/**
 * What the import noticed. Fatal problems are thrown as ImportError; recoverable ones are
 * collected as warnings, printed, and saved next to the collections.
 */

/** Where a problem was found: the input file or URL, and the object in it. */
export interface Location {
  source?: string;
  objectId?: string;
}

export interface Problem extends Location {
  message: string;
}

export function formatProblem({ source, objectId, message }: Problem): string {
  const where = [source, objectId].filter(Boolean).join(': ');
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

  warn(location: Location, message: string): void {
    this.warnings.push({ ...location, message });
  }

  error(location: Location, message: string): void {
    this.errors.push({ ...location, message });
  }

  /** Throws every error collected so far, if any. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new ImportError(this.errors);
  }
}
