/**
 * Long lists a page at a time (src/components/PagedTable.astro): loads the list's data file, then
 * shows one page of the rows that pass the filters, with Previous and Next. Filters are the
 * selects of the list (`data-filter` names the row's data key, `name` the URL parameter, matched
 * whatever its case) and the text box (the text of the cells `data-text-columns` names, the first by
 * default); they are kept in the URL, so a filtered list can be shared
 * (`/procedures/?tactic=TA0043`). A `?technique=` parameter keeps the rows whose `techniques`
 * hold it. Without JavaScript the first page shows, as the HTML has it.
 */
import { element } from '../client/element.ts';
import type { CompactCell, CompactTable } from '../lib/pages/paged-table.ts';

/** URL parameters that filter rows by a data key without a control on the page. */
const LINKED_FILTERS: Record<string, string> = { technique: 'techniques' };

class PagedTableView {
  private rows: CompactTable['rows'] = [];
  private links: CompactTable['links'] = [];
  private page = 0;
  private readonly body: HTMLTableSectionElement | null;
  private readonly selects: HTMLSelectElement[];
  private readonly text: HTMLInputElement | null;
  private readonly root: HTMLElement;

  constructor(root: HTMLElement) {
    this.root = root;
    this.body = root.querySelector('tbody');
    this.selects = [...root.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
    this.text = root.querySelector<HTMLInputElement>('[data-text-filter]');
  }

  async load(source: string): Promise<void> {
    const response = await fetch(source);
    if (!response.ok) return;
    const data = (await response.json()) as CompactTable;
    this.rows = data.rows;
    this.links = data.links;
    const params = new URLSearchParams(location.search);
    for (const select of this.selects) {
      const wanted = params.get(select.name)?.toUpperCase() ?? '';
      select.value = [...select.options].find((option) => option.value.toUpperCase() === wanted)?.value ?? '';
      select.addEventListener('change', () => this.filtersChanged());
    }
    if (this.text) {
      this.text.value = params.get('q') ?? '';
      this.text.addEventListener('input', () => this.filtersChanged());
    }
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-page]')) {
      button.addEventListener('click', () => this.turn(button.dataset.page === 'next' ? 1 : -1));
    }
    this.root.querySelector('.filter')?.removeAttribute('hidden');
    this.render();
  }

  private filtersChanged(): void {
    const url = new URL(location.href);
    for (const select of this.selects) setParam(url, select.name, select.value);
    if (this.text) setParam(url, 'q', this.text.value.trim());
    history.replaceState(null, '', url);
    this.page = 0;
    this.render();
  }

  private turn(step: number): void {
    this.page += step;
    this.render();
    this.root.scrollIntoView({ block: 'start' });
  }

  private matching(): CompactTable['rows'] {
    const params = new URLSearchParams(location.search);
    const wanted = [
      ...this.selects.filter((select) => select.value).map((select) => [select.dataset.filter!, select.value] as const),
      ...Object.entries(LINKED_FILTERS).flatMap(([param, key]) => (params.get(param) ? [[key, params.get(param)!.toUpperCase()] as const] : [])),
    ];
    const text = this.text?.value.trim().toLowerCase() ?? '';
    const columns = (this.root.dataset.textColumns ?? '0').split(' ').map(Number);
    return this.rows.filter(
      (row) =>
        wanted.every(([key, value]) => (row.data?.[key] ?? '').split(' ').includes(value)) &&
        (!text || columns.some((column) => this.cellText(row.cells[column]).toLowerCase().includes(text))),
    );
  }

  private render(): void {
    const size = Number(this.root.dataset.pageSize);
    const rows = this.matching();
    const pages = Math.max(1, Math.ceil(rows.length / size));
    this.page = Math.min(Math.max(this.page, 0), pages - 1);
    this.body?.replaceChildren(...rows.slice(this.page * size, (this.page + 1) * size).map((row) => this.rowElement(row)));
    const noun = (count: number) => `${count} ${count === 1 ? this.root.dataset.singular : this.root.dataset.plural}`;
    const filtered = rows.length !== this.rows.length;
    const status = this.root.querySelector('[data-filter-status]');
    if (status) status.textContent = filtered ? `${rows.length} of ${noun(this.rows.length)}` : noun(this.rows.length);
    const pageStatus = this.root.querySelector('[data-page-status]');
    if (pageStatus) pageStatus.textContent = pages > 1 ? `Page ${this.page + 1} of ${pages}` : '';
    for (const button of this.root.querySelectorAll<HTMLButtonElement>('[data-page]')) {
      button.hidden = pages <= 1;
      button.disabled = button.dataset.page === 'next' ? this.page >= pages - 1 : this.page === 0;
    }
  }

  private rowElement(row: CompactTable['rows'][number]): HTMLTableRowElement {
    const tr = element('tr');
    for (const [key, value] of Object.entries(row.data ?? {})) tr.dataset[key] = value;
    for (const cell of row.cells) {
      const td = element('td');
      if (typeof cell === 'string') td.textContent = cell;
      else {
        cell.forEach((index, position) => {
          const [text, href] = this.links[index]!;
          if (position > 0) td.append(', ');
          const link = element('a', undefined, text);
          link.href = href;
          td.append(link);
        });
      }
      tr.append(td);
    }
    return tr;
  }

  private cellText(cell: CompactCell | undefined): string {
    if (cell === undefined) return '';
    return typeof cell === 'string' ? cell : cell.map((index) => this.links[index]![0]).join(' ');
  }
}

function setParam(url: URL, name: string, value: string): void {
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-paged-table][data-source]')) {
  void new PagedTableView(root).load(root.dataset.source!);
}
