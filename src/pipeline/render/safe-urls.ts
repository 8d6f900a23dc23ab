/**
 * URLs in rendered texts, read the way browsers read them. A browser drops tabs and newlines
 * anywhere in a URL, trims control characters and spaces at its ends, and takes `\` for `/`: so
 * `/\host/x` and `/<tab>/host/x` both lead to another site. Only web links and this site's own
 * paths survive; what a page loads by itself (`src`) must come from this site.
 */
import type { Element, Root } from 'hast';

export type UrlKind = 'web' | 'site' | 'relative' | 'fragment' | 'unsafe';

/** The URL as a browser reads it, before resolving. */
export function normalizeUrl(raw: string): string {
  return raw
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .replace(/\\/g, '/');
}

export function urlKind(raw: string): UrlKind {
  const url = normalizeUrl(raw);
  if (/^https?:/i.test(url)) return 'web';
  if (url.startsWith('//')) return 'unsafe';
  if (url.startsWith('/')) return 'site';
  if (url.startsWith('#')) return 'fragment';
  // A scheme is letters, digits, `+`, `-`, `.` before the first `:`, ahead of any `/`, `?` or `#`.
  if (/^[^/?#]*:/.test(url)) return 'unsafe';
  return 'relative';
}

/** A link target that may stay on a page, normalized; undefined for anything else. */
export function safeHref(raw: string): string | undefined {
  return urlKind(raw) === 'unsafe' ? undefined : normalizeUrl(raw);
}

/** A source a page may load (images): this site's own paths only. */
export function safeSrc(raw: string): string | undefined {
  return urlKind(raw) === 'site' ? normalizeUrl(raw) : undefined;
}

/** Attributes holding a URL that the browser follows when clicked or reads as a citation. */
const LINK_ATTRIBUTES = ['href', 'cite', 'longDesc'] as const;
/** Attributes holding a URL that the browser loads by itself. */
const SOURCE_ATTRIBUTES = ['src', 'poster'] as const;
/** Attributes holding several URLs, or ones no rendered text needs: always removed. */
const DROPPED_ATTRIBUTES = ['srcSet', 'ping', 'action', 'formAction', 'background', 'xLinkHref', 'data'] as const;

/** After sanitizing: every URL attribute normalized, and removed where it could leave the site. */
export function rehypeSafeUrls() {
  return (tree: Root) => forEachElement(tree, secureElement);
}

export function secureElement(element: Element): void {
  const properties = element.properties;
  for (const name of LINK_ATTRIBUTES) fix(properties, name, safeHref);
  for (const name of SOURCE_ATTRIBUTES) fix(properties, name, safeSrc);
  for (const name of DROPPED_ATTRIBUTES) delete properties[name];
}

function fix(properties: Element['properties'], name: string, safe: (url: string) => string | undefined): void {
  const value = properties[name];
  if (value === undefined || value === null) return;
  const url = typeof value === 'string' ? safe(value) : undefined;
  if (url === undefined) delete properties[name];
  else properties[name] = url;
}

/** A plain walk over the elements (faster than unist-util-visit on large trees). */
export function forEachElement(node: Root | Element, callback: (element: Element) => void): void {
  for (const child of node.children) {
    if (child.type === 'element') {
      callback(child);
      forEachElement(child, callback);
    }
  }
}
