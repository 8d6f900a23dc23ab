/** One search result as a list option: type badge, id, name, domains, why it matched, excerpt with matches marked. */
import { element } from './element.ts';
import type { SearchHit } from './site-search.ts';

export function hitOption(hit: SearchHit, optionId: string): HTMLLIElement {
  const title = element('span', 'search-title', hit.title);
  const head = element('span', 'search-head');
  if (hit.type) head.append(element('span', 'search-badge', hit.type));
  if (hit.id) head.append(element('span', 'search-id', hit.id));
  head.append(title);
  if (hit.domains.length > 0) head.append(element('span', 'search-domains', hit.domains.join(', ')));
  const parts: Node[] = [head];
  if (hit.reason) {
    const reason = element('span', 'search-reason', hit.reason.label);
    if (hit.reason.text) reason.append(' ', element('span', 'search-reason-text', hit.reason.text));
    parts.push(reason);
  }
  if (hit.excerptHtml) {
    const excerpt = element('span', 'search-excerpt');
    excerpt.append(...excerptNodes(hit.excerptHtml));
    parts.push(excerpt);
  }
  return option(optionId, hit.url, parts, 'search-hit');
}

/** A line of the list that is not a result, such as “no page has all the words”. */
export function noticeItem(text: string): HTMLLIElement {
  const item = element('li', 'search-notice', text);
  item.setAttribute('role', 'none');
  return item;
}

/** An option that is only a link, such as "all results". */
export function linkOption(optionId: string, href: string, text: string): HTMLLIElement {
  return option(optionId, href, [text], 'search-more');
}

/**
 * The link itself is the option, inside a presentational list item: an option may not hold a link
 * (nested interactive controls), but a link may be an option.
 */
function option(id: string, href: string, content: (Node | string)[], className: string): HTMLLIElement {
  const item = element('li', className);
  item.setAttribute('role', 'none');
  const link = element('a');
  link.id = id;
  link.href = href;
  link.setAttribute('role', 'option');
  link.setAttribute('aria-selected', 'false');
  // The input keeps focus while arrow keys move through the options.
  link.tabIndex = -1;
  link.append(...content);
  item.append(link);
  return item;
}

/**
 * Pagefind's excerpt is page text with `<mark>` around matches. Page text comes from ATT&CK data
 * and notes, so it is parsed inertly and only its text and marks are kept.
 */
function excerptNodes(html: string): Node[] {
  const parsed = new DOMParser().parseFromString(html, 'text/html').body;
  return [...parsed.childNodes].map((node) =>
    node.nodeName === 'MARK' ? element('mark', undefined, node.textContent ?? '') : document.createTextNode(node.textContent ?? ''),
  );
}
