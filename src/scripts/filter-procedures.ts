/**
 * The tactic filter of /procedures/: shows the rows of one tactic and keeps the choice in the
 * URL (`?tactic=TA0043`), so a filtered list can be shared. Without JavaScript every row shows.
 */
const select = document.querySelector<HTMLSelectElement>('#tactic-filter');
const rows = [...document.querySelectorAll<HTMLTableRowElement>('tr[data-tactics]')];
const summary = document.querySelector<HTMLElement>('#filter-status');

function apply(tactic: string): void {
  let shown = 0;
  for (const row of rows) {
    const match = !tactic || (row.dataset.tactics ?? '').split(' ').includes(tactic);
    row.hidden = !match;
    if (match) shown++;
  }
  if (summary) summary.textContent = tactic ? `${shown} of ${rows.length} procedures` : `${rows.length} procedures`;
}

if (select) {
  select.closest('.filter')?.removeAttribute('hidden');
  const wanted = new URLSearchParams(location.search).get('tactic')?.toUpperCase() ?? '';
  select.value = [...select.options].some((option) => option.value === wanted) ? wanted : '';
  apply(select.value);
  select.addEventListener('change', () => {
    const url = new URL(location.href);
    if (select.value) url.searchParams.set('tactic', select.value);
    else url.searchParams.delete('tactic');
    history.replaceState(null, '', url);
    apply(select.value);
  });
}
