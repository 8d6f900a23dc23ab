/**
 * From a sanitized HTML tree to rich text (src/model/attack.ts): HTML cut at its tokens. A token is
 * what a page fills in when it renders: a citation (numbered for that page), or the URL of a link
 * or image of the site (written under the page's base path, and within its release).
 *
 * Each token is a private-use marker, `\uE000<n>\uE001`, placed where the page's value goes:
 * citation markers in text (put in the markdown before parsing), link markers as the whole value
 * of an `href` or `src` (set on the tree after sanitizing). Every other marker character is removed
 * from the input and from every attribute, so the HTML is cut only where a token was meant to be.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { RichText, RichTextToken } from '../../model/attack.ts';
import type { SitePath } from '../../model/site-path.ts';
import { forEachElement, urlKind } from './safe-urls.ts';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /\uE000(\d+)\uE001/g;
/** A marker as it may appear in an attribute: as is, or percent-encoded in a URL. */
const ATTRIBUTE_MARKER = /\uE000\d*\uE001?|%EE%80%80[0-9]*(%EE%80%81)?/gi;
const MARK_CHARACTERS = /[\uE000\uE001]/g;

/** The tokens of one text, in the order they were made. */
export class TokenTable {
  private readonly tokens: RichTextToken[] = [];

  /** The marker that stands for `token`. */
  marker(token: RichTextToken): string {
    this.tokens.push(token);
    return `${OPEN}${this.tokens.length - 1}${CLOSE}`;
  }

  /** The HTML of `tree` as rich text, cut at the markers (found as plain characters, not by pattern). */
  richText(tree: Root | Element): RichText {
    const html = toHtml(tree);
    const parts: RichText = [];
    let start = 0;
    for (let open = html.indexOf(OPEN); open >= 0; open = html.indexOf(OPEN, start)) {
      const close = html.indexOf(CLOSE, open);
      if (open > start) parts.push(html.slice(start, open));
      parts.push(this.tokens[Number(html.slice(open + 1, close))]!);
      start = close + 1;
    }
    if (start < html.length) parts.push(html.slice(start));
    return parts;
  }
}

/** Text as it may enter a tree: without the marker characters. */
export function withoutMarkCharacters(text: string): string {
  return text.replace(MARK_CHARACTERS, '');
}

/** Plain text of a tree's text without its citation markers. */
export function withoutMarkers(text: string): string {
  return text.replace(MARKER, '');
}

/**
 * After sanitizing: removes markers from every attribute (a citation inside an attribute is not a
 * citation, and cutting the HTML there would break its markup open), then turns every link and
 * image of the site (`/techniques/T1059/`) into a token.
 */
export function tokenizeSiteUrls(tree: Root, tokens: TokenTable): void {
  forEachElement(tree, (element) => {
    for (const [name, value] of Object.entries(element.properties)) element.properties[name] = stripped(value);
    for (const attribute of ['href', 'src'] as const) {
      const url = element.properties[attribute];
      if (typeof url === 'string' && urlKind(url) === 'site') {
        const path = url as SitePath;
        element.properties[attribute] = tokens.marker(attribute === 'href' ? { href: path } : { src: path });
      }
    }
  });
}

function stripped<T>(value: T): T {
  if (typeof value === 'string') return value.replace(ATTRIBUTE_MARKER, '').replace(MARK_CHARACTERS, '') as T;
  if (Array.isArray(value)) return value.map(stripped) as T;
  return value;
}
