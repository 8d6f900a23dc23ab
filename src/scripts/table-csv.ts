/**
 * A "CSV" button under each table of a page's sections: it downloads the table as the reader sees
 * it, one column per column and, for each row, the address of its first link. Without JavaScript
 * there is no button (the /downloads/ page has the same data per domain).
 */
import { toCsv } from '../exports/csv.ts';

function tableRows(table: HTMLTableElement): string[][] {
  const headers = [...table.querySelectorAll('thead th')].map((cell) => cell.textContent?.trim() ?? '');
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((row) => {
    const cells = [...row.cells].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim() ?? '');
    const link = row.querySelector('a[href]');
    return [...cells, link ? new URL(link.getAttribute('href')!, location.href).href : ''];
  });
  return [[...headers, 'URL'], ...rows];
}

function addButton(table: HTMLTableElement, name: string): void {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'table-csv';
  button.textContent = 'CSV';
  button.title = 'Download this table as CSV';
  button.addEventListener('click', () => {
    const blob = new Blob([toCsv(tableRows(table))], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${name}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href));
  });
  (table.closest('.table-scroll') ?? table).after(button);
}

const page = document.querySelector<HTMLElement>('[data-attack-id]')?.dataset.attackId ?? 'table';
for (const section of document.querySelectorAll<HTMLElement>('.page-section')) {
  const id = section.querySelector('h2')?.id ?? 'table';
  section.querySelectorAll<HTMLTableElement>('table').forEach((table, index) => addButton(table, `${page}-${id}${index > 0 ? `-${index + 1}` : ''}`));
}
