/**
 * The source choice of a coverage matrix: each cell carries its count from every source
 * (`data-counts`, in the order of the checkboxes); unticking a source recomputes each cell's
 * shading (`data-level`), its counts and the legend. Without JavaScript every source counts.
 */
const fieldset = document.querySelector<HTMLFieldSetElement>('.coverage-sources');
const boxes = [...document.querySelectorAll<HTMLInputElement>('.coverage-sources input[type=checkbox]')];
const cells = [...document.querySelectorAll<HTMLElement>('.coverage-matrix [data-counts]')];
const letters = boxes.map((box) => /\((\w)\)\s*$/.exec(box.parentElement?.textContent ?? '')?.[1] ?? '');

function recount(): void {
  const chosen = boxes.map((box) => box.checked);
  const levels = new Map<string, number>();
  for (const cell of cells) {
    const counts = (cell.dataset.counts ?? '').split(',').map(Number);
    const shown = counts.map((count, index) => (chosen[index] && count > 0 ? index : -1)).filter((index) => index >= 0);
    cell.dataset.level = String(shown.length);
    const text = cell.querySelector<HTMLElement>('.coverage-count');
    if (text) text.textContent = shown.map((index) => `${letters[index]}${counts[index]}`).join(' ');
    // A technique shown in several columns is counted once in the legend.
    levels.set(cell.querySelector('.id')?.textContent ?? '', shown.length);
  }
  const perLevel = new Map<number, number>();
  for (const level of levels.values()) perLevel.set(level, (perLevel.get(level) ?? 0) + 1);
  for (const count of document.querySelectorAll<HTMLElement>('[data-legend-count]')) {
    count.textContent = String(perLevel.get(Number(count.dataset.legendCount)) ?? 0);
  }
  const url = new URL(location.href);
  const off = boxes.filter((box) => !box.checked).map((box) => box.value);
  if (off.length > 0) url.searchParams.set('without', off.join(','));
  else url.searchParams.delete('without');
  history.replaceState(null, '', url);
}

if (fieldset && cells.length > 0) {
  fieldset.hidden = false;
  document.querySelector('.coverage-needs-script')?.remove();
  const without = new URLSearchParams(location.search).get('without')?.split(',') ?? [];
  for (const box of boxes) {
    box.checked = !without.includes(box.value);
    box.addEventListener('change', recount);
  }
  if (without.length > 0) recount();
}
