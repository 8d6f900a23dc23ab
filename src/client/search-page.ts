/**
 * The search page: the query and filters come from the URL and are kept in it, so a search can be
 * shared; the filters show how many results each value would leave.
 */
import { SEARCH_FACETS, type SearchFacet } from '../lib/search/schema.ts';
import { element } from './element.ts';
import { SearchBox } from './search-box.ts';
import { focusOnShortcut } from './shortcuts.ts';
import { allFilters, searchPageHref, type ChosenFilters } from './site-search.ts';

type FilterCounts = Record<string, Record<string, number>>;

/** Facets with more values than this start folded, unless one of their values is chosen; the type, which every search narrows by first, never. */
const FOLD_AFTER = 12;
/** On narrow screens every facet starts folded, so that the results show without scrolling. */
const WIDE_SCREEN = '(min-width: 52rem)';

export async function startSearchPage(form: HTMLFormElement): Promise<void> {
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const panel = form.querySelector<HTMLElement>('[data-search-filters]')!;
  const params = new URLSearchParams(window.location.search);
  input.value = params.get('q') ?? '';
  let totals: FilterCounts = {};

  const box = new SearchBox(
    {
      input,
      list: form.querySelector<HTMLElement>('[role="listbox"]')!,
      status: form.querySelector<HTMLElement>('[role="status"]')!,
      more: form.querySelector<HTMLButtonElement>('.search-show-more')!,
    },
    {
      pageSize: 20,
      activateFirst: false,
      filters: () => chosenFilters(panel),
      onShow: (query, results) => {
        window.history.replaceState(null, '', searchPageHref(query, chosenFilters(panel)));
        showCounts(panel, results?.filterCounts ?? totals);
      },
    },
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void box.search();
  });
  panel.addEventListener('change', () => void box.search());
  focusOnShortcut(input);

  if (!input.value) input.focus();
  // An index that cannot be loaded is reported by the search itself.
  totals = await allFilters().catch(() => ({}));
  panel.replaceChildren(...facetControls(totals, params));
  await box.search();
}

function facetControls(totals: FilterCounts, params: URLSearchParams): HTMLElement[] {
  return (Object.keys(SEARCH_FACETS) as SearchFacet[])
    .filter((facet) => Object.keys(totals[facet] ?? {}).length > 0)
    .map((facet) => {
      const chosen = params.getAll(facet);
      const values = Object.keys(totals[facet]!).sort((a, b) => a.localeCompare(b));
      const details = element('details', 'search-facet');
      details.open = chosen.length > 0 || ((facet === 'type' || values.length <= FOLD_AFTER) && window.matchMedia(WIDE_SCREEN).matches);
      const summary = element('summary', undefined, SEARCH_FACETS[facet]);
      const fieldset = element('fieldset');
      const legend = element('legend', 'visually-hidden', SEARCH_FACETS[facet]);
      fieldset.append(legend, ...values.map((value) => valueCheckbox(facet, value, chosen.includes(value))));
      details.append(summary, fieldset);
      return details;
    });
}

function valueCheckbox(facet: string, value: string, checked: boolean): HTMLLabelElement {
  const label = element('label');
  const checkbox = element('input');
  checkbox.type = 'checkbox';
  checkbox.name = facet;
  checkbox.value = value;
  checkbox.checked = checked;
  const count = element('span', 'facet-count');
  label.append(checkbox, ` ${value} `, count);
  return label;
}

function chosenFilters(panel: HTMLElement): ChosenFilters {
  const chosen: ChosenFilters = {};
  for (const checkbox of panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
    (chosen[checkbox.name] ??= []).push(checkbox.value);
  }
  return chosen;
}

function showCounts(panel: HTMLElement, counts: FilterCounts): void {
  for (const checkbox of panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const count = counts[checkbox.name]?.[checkbox.value] ?? 0;
    const label = checkbox.parentElement!;
    label.querySelector('.facet-count')!.textContent = String(count);
    label.classList.toggle('facet-none', count === 0);
  }
}
