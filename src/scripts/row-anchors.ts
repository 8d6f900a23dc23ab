/**
 * A link to the row under the pointer or holding the focus, in tables whose rows are places on the
 * page (`<tr id="procedure-examples-G0016">`, an analytic's row): one link, moved from row to row,
 * so that a table of hundreds of rows carries no markup for it. It goes in the row's first cell,
 * after what is there, so the keyboard reaches it right after the row's first link. Following it
 * puts the row's address in the address bar, to copy; without JavaScript the rows keep their ids.
 */
import { element } from '../client/element.ts';

const ROWS = '.data-table tbody tr[id]';

// Its mark is drawn by the stylesheet: the row's text stays what the table says.
const link = element('a', 'row-anchor');
let row: HTMLTableRowElement | undefined;

function show(target: HTMLTableRowElement): void {
  if (target === row) return;
  row = target;
  const name = target.querySelector('.name-cell')?.textContent?.trim() || target.id;
  link.href = `#${target.id}`;
  link.setAttribute('aria-label', `Link to this row: ${name}`);
  target.cells[0]?.append(link);
}

function hide(): void {
  if (document.activeElement === link) return;
  link.remove();
  row = undefined;
}

function rowOf(target: EventTarget | null): HTMLTableRowElement | null {
  return target instanceof Element ? target.closest<HTMLTableRowElement>(ROWS) : null;
}

document.addEventListener('pointerover', (event) => {
  const target = rowOf(event.target);
  if (target) show(target);
});
document.addEventListener('pointerout', (event) => {
  if (rowOf(event.target) && !rowOf(event.relatedTarget) && !row?.contains(document.activeElement)) hide();
});
document.addEventListener('focusin', (event) => {
  const target = rowOf(event.target);
  if (target) show(target);
  else hide();
});
