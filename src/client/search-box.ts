/**
 * A search input with its list of results, as an ARIA combobox: results as you type, arrow keys
 * move through them while the input keeps focus, Enter opens the active one. Used by the header
 * box and the search page.
 */
import { hitOption, linkOption, noticeItem } from './result-view.ts';
import { searchSite, type ChosenFilters, type SearchHit, type SearchResults } from './site-search.ts';

export interface SearchBoxParts {
  input: HTMLInputElement;
  /** The `role="listbox"` element the results go in. */
  list: HTMLElement;
  /** A live region that says how many results there are. */
  status: HTMLElement;
  /** Shows the next page of results, when there are more. */
  more?: HTMLButtonElement;
}

export interface SearchBoxOptions {
  pageSize: number;
  /** Makes the first result active as results arrive, so that Enter opens it. */
  activateFirst: boolean;
  filters?: () => ChosenFilters;
  /** A last option after the results, such as a link to all of them. */
  lastOption?: (query: string, results: SearchResults) => { href: string; text: string } | undefined;
  /** Called whenever the results change (none for an empty query). */
  onShow?: (query: string, results: SearchResults | undefined) => void;
}

/** Milliseconds without typing before the excerpts load: each result's excerpt is a file to fetch. */
const EXCERPT_DELAY = 150;

/** Said above the results, and in the count, when no page has every word of the query. */
const CLOSEST_NOTICE = 'No page has all the words; closest matches';

export class SearchBox {
  private searches = 0;
  private results: SearchResults | undefined;
  private shown = 0;

  constructor(
    private readonly parts: SearchBoxParts,
    private readonly options: SearchBoxOptions,
  ) {
    parts.input.addEventListener('input', () => void this.search());
    parts.input.addEventListener('keydown', (event) => this.onKey(event));
    parts.more?.addEventListener('click', () => void this.showMore());
  }

  get hasResults(): boolean {
    return this.parts.list.children.length > 0;
  }

  /** Runs the current query; an answer that arrives after a newer search started is dropped. */
  async search(): Promise<void> {
    const search = ++this.searches;
    const query = this.parts.input.value;
    const filters = this.options.filters?.() ?? {};
    if (!query.trim() && Object.values(filters).every((values) => values.length === 0)) {
      this.results = undefined;
      this.show([], '');
      return;
    }
    try {
      const results = await searchSite(query, filters, () => search === this.searches);
      if (!results || search !== this.searches) return;
      // The results show at once from the name index; their excerpts follow, unless more typing came first.
      this.showHits(query, results, results.preview(0, this.options.pageSize), false);
      await new Promise((resolve) => setTimeout(resolve, EXCERPT_DELAY));
      if (search !== this.searches) return;
      const all = await Promise.all(results.hits(0, this.options.pageSize));
      if (search !== this.searches) return;
      this.showHits(query, results, all, true);
    } catch (error) {
      if (search !== this.searches) return;
      this.results = undefined;
      this.show([], 'Search is not available: its index could not be loaded.');
      console.error(error);
    }
  }

  /** Shows the first hits; `complete` adds the last option and says how many results there are. */
  private showHits(query: string, results: SearchResults, hits: SearchHit[], complete: boolean): void {
    this.results = results;
    this.shown = hits.length;
    const last = complete ? this.options.lastOption?.(query, results) : undefined;
    const options = hits.map((hit, index) => hitOption(hit, this.optionId(index)));
    if (last) options.push(linkOption(this.optionId(hits.length), last.href, last.text));
    if (results.closest && options.length > 0) options.unshift(noticeItem(CLOSEST_NOTICE));
    this.show(options, complete ? this.countText(query, results) : undefined);
  }

  private async showMore(): Promise<void> {
    const results = this.results;
    if (!results) return;
    const hits = await Promise.all(results.hits(this.shown, this.shown + this.options.pageSize));
    if (results !== this.results) return;
    this.parts.list.append(...hits.map((hit, index) => hitOption(hit, this.optionId(this.shown + index))));
    this.shown += hits.length;
    this.updateMore();
  }

  /** Without a status the list is not complete yet: the status and the "more" button wait for it. */
  private show(options: HTMLLIElement[], status?: string): void {
    this.parts.list.replaceChildren(...options);
    if (status === undefined) {
      if (this.parts.more) this.parts.more.hidden = true;
    } else {
      this.parts.status.textContent = status;
      this.updateMore();
    }
    this.activate(this.options.activateFirst && options.length > 0 ? 0 : -1);
    this.options.onShow?.(this.parts.input.value, this.results);
  }

  private updateMore(): void {
    if (this.parts.more) this.parts.more.hidden = !this.results || this.shown >= this.results.total;
  }

  private countText(query: string, { total, closest }: SearchResults): string {
    const subject = query.trim() ? ` for “${query.trim()}”` : '';
    if (total === 0) return `No results${subject}.`;
    const count = `${total} ${total === 1 ? 'result' : 'results'}${subject}.`;
    return closest ? `${CLOSEST_NOTICE}: ${count}` : count;
  }

  private onKey(event: KeyboardEvent): void {
    const options = this.optionElements();
    const current = options.findIndex((option) => option.getAttribute('aria-selected') === 'true');
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.activate((current + step + options.length) % options.length);
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      window.location.assign(options[current]!.href);
    }
  }

  private activate(index: number): void {
    const options = this.optionElements();
    options.forEach((option, each) => option.setAttribute('aria-selected', String(each === index)));
    const active = options[index];
    if (active) {
      this.parts.input.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView({ block: 'nearest' });
    } else {
      this.parts.input.removeAttribute('aria-activedescendant');
    }
  }

  private optionElements(): HTMLAnchorElement[] {
    return [...this.parts.list.querySelectorAll<HTMLAnchorElement>('a[role="option"]')];
  }

  private optionId(index: number): string {
    return `${this.parts.list.id}-${index}`;
  }
}
