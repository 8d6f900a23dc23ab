/**
 * CSV files of the site (RFC 4180, through csv-stringify): a header row, then data. Text from the
 * data is untrusted, and spreadsheet programs run a cell that starts like a formula (`=`, `+`, `@`,
 * `-` followed by a letter): such a cell gets a leading apostrophe, which they show as text.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^(?:[=+@\t\r]|-[^\d\s.-])/;

/** A cell as a spreadsheet should read it: never as a formula. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(rows: string[][]): string {
  return stringify(rows.map((row) => row.map(inertCell)), { record_delimiter: '\r\n' });
}

export const CSV_HEADERS = { 'Content-Type': 'text/csv; charset=utf-8' };
