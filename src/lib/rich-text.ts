/**
 * Rich text (src/model/attack.ts) to the HTML of a page: the HTML fragments as they are, each link
 * or image of the site under the page's base path, each citation as the page numbers it.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { RichText } from '../model/attack.ts';
import { href } from './paths.ts';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The text of an HTML fragment, as a browser would show it (parsed by the HTML standard, tags dropped). */
export function htmlText(html: string): string {
  let text = '';
  const pending: ChildNode[] = [...parseFragment(html).childNodes];
  for (let node = pending.shift(); node; node = pending.shift()) {
    if ('value' in node && node.nodeName === '#text') text += node.value;
    if ('childNodes' in node) pending.unshift(...node.childNodes);
  }
  return text;
}

type ChildNode = DefaultTreeAdapterMap['childNode'];

/** Text made safe to place in HTML, as content or as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** `cite` gives a citation's markup; without it, a citation shows as the text it was written as. */
export function renderRichText(text: RichText, base: string, cite = (name: string) => escapeHtml(`(Citation: ${name})`)): string {
  let html = '';
  for (const part of text) {
    if (typeof part === 'string') html += part;
    else if ('cite' in part) html += cite(part.cite);
    else html += escapeHtml(href(base, 'href' in part ? part.href : part.src));
  }
  return html;
}
