/**
 * URL segments and HTML ids made from names, for the paths module (src/lib/paths.ts) and the
 * notes' headings. Any name gives one: a name with nothing a slug keeps (`!!!`, `🔥`) gets a short
 * hash of itself, and a long one is cut and given that hash, so that every segment is a file
 * name the system can write (at most 255 bytes) and two names never end up as one by the cut.
 */
import GithubSlugger, { slug } from 'github-slugger';

/** The longest slug kept whole, in UTF-8 bytes: room for a hash and a suffix within a file name. */
export const MAX_SLUG_BYTES = 96;

/**
 * A short, stable digest of a text (32-bit FNV-1a, as eight hex digits): the same text always
 * gives the same digest. Not for security: it only tells names apart (paths.ts runs in browsers
 * too, so no node:crypto).
 */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * A URL segment: lower case letters, digits, `_` and dashes only (`..`, `/` and NUL cannot
 * survive), never empty, at most MAX_SLUG_BYTES + 9 bytes.
 */
export function slugOf(name: string, fallback = 'untitled'): string {
  const slugged = slug(name.replace(/\0/g, '')).replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '');
  if (!slugged) return `${fallback}-${shortHash(name)}`;
  if (Buffer.byteLength(slugged) <= MAX_SLUG_BYTES) return slugged;
  return `${cutToBytes(slugged, MAX_SLUG_BYTES).replace(/[-_]+$/, '')}-${shortHash(name)}`;
}

/** The longest start of `text` within `bytes` UTF-8 bytes, never splitting a character. */
function cutToBytes(text: string, bytes: number): string {
  let cut = '';
  for (const character of text) {
    if (Buffer.byteLength(cut + character) > bytes) break;
    cut += character;
  }
  return cut;
}

/**
 * Heading ids as GitHub makes them (`## Some Heading` → `some-heading`, the second of two
 * `some-heading-1`), except that a heading with nothing a slug keeps (`## 🔥`) gets
 * `section-<hash>` instead of an empty id.
 */
export class HeadingSlugger {
  private readonly slugger = new GithubSlugger();

  slug(text: string): string {
    return this.slugger.slug(headingSlugBase(text));
  }
}

/** The id of the first heading with this text in a page. */
export function headingId(text: string): string {
  return slug(headingSlugBase(text));
}

function headingSlugBase(text: string): string {
  return slug(text) ? text : `section-${shortHash(text)}`;
}
