/**
 * Citations: hovering or focusing a citation (`[3]`) shows its reference, taken from the page's
 * reference list, in a card beside it (src/client/hover-card.ts), with a link to the list. On a
 * touch screen the first tap on a citation shows the card; a second tap follows the link.
 */
import { element } from '../client/element.ts';
import { HoverCard, watchTriggers } from '../client/hover-card.ts';

const SHOW_DELAY = 150;

const card = new HoverCard({ id: 'citation-card', className: 'citation-card' });

const citationOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLAnchorElement>('.cite > a[href^="#"]') : null);

function show(citation: HTMLAnchorElement): boolean {
  const item = document.getElementById(decodeURIComponent(citation.hash.slice(1)));
  if (!item) return false;
  const text = element('span', 'citation-card-text');
  const reference = [...item.childNodes].filter((node) => !(node instanceof Element && node.matches('.cited-at')));
  text.append(...reference.map((node) => node.cloneNode(true)));
  const jump = element('a', 'citation-card-jump', 'Go to the reference');
  jump.href = citation.hash;
  card.show(citation, [element('span', 'citation-card-number', citation.textContent ?? ''), text, jump], citation.parentElement ?? citation);
  return true;
}

const triggers = watchTriggers(citationOf, SHOW_DELAY, {
  enter: (citation) => show(citation as HTMLAnchorElement),
  leave: (_, event) => (event instanceof FocusEvent ? card.focusLeft(event) : card.hideSoon()),
});

document.addEventListener('click', (event) => {
  const citation = citationOf(event.target);
  if (citation && triggers.tapped && card.shownFor !== citation && show(citation)) event.preventDefault();
});
