/**
 * Long lists of the vault (procedures, notes, tags, a tag's notes, the vault's health) shown a page
 * at a time, so that no page grows with the vault: the HTML holds the first page, which works
 * without JavaScript, and a compact data file beside the page holds every row, which the browser
 * pages through and filters (src/scripts/paged-table.ts). Links that rows share (tactics,
 * techniques) are written once in the file.
 */
import type { CardValue, Link, TableRow } from './common.ts';

/** Rows in a list's HTML; the data file holds them all. */
export const PAGE_SIZE = 100;

export interface PagedTable {
  caption: string;
  headers: string[];
  /** Every row, in order; the page shows the first PAGE_SIZE. */
  rows: TableRow[];
  /** What a row is called, for "3 of 40 procedures". */
  noun: { singular: string; plural: string };
  /** The data file's URL, when the list needs one (more rows than a page, or filters). */
  source?: string;
  /** The columns the text filter reads, and what its box says; by default the first, "Name of a <noun>". */
  textFilter?: { columns: number[]; placeholder: string };
}

/** A cell in the data file: text, or indexes into the file's shared links. */
export type CompactCell = string | number[];

export interface CompactTable {
  links: [text: string, href: string][];
  rows: { cells: CompactCell[]; data?: Record<string, string> }[];
}

/** The data file of a list: its rows with every link written once. */
export function compactTable(rows: TableRow[]): CompactTable {
  const links: [string, string][] = [];
  const indexes = new Map<string, number>();
  const linkIndex = (link: Link) => {
    const key = `${link.text}\u0000${link.href}`;
    let index = indexes.get(key);
    if (index === undefined) {
      index = links.push([link.text, link.href]) - 1;
      indexes.set(key, index);
    }
    return index;
  };
  const cell = (value: CardValue): CompactCell => {
    const items = Array.isArray(value) ? value : [value];
    if (items.length > 0 && items.every((item) => typeof item === 'object' && 'href' in item)) return (items as Link[]).map(linkIndex);
    return items.map((item) => (typeof item === 'string' ? item : 'text' in item ? item.text : 'code' in item ? item.code : '')).join(', ');
  };
  return { links, rows: rows.map((row) => ({ cells: row.cells.map(cell), ...(row.data ? { data: row.data } : {}) })) };
}
