/** URL segments made from names: shared by the vault importer and the pages. */
import { slug } from 'github-slugger';

/** A URL segment: lower case letters, digits and dashes only (`..`, `/` and NUL cannot survive). */
export function slugOf(name: string): string {
  return slug(name.replace(/\0/g, '')).replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '') || 'note';
}

/** `Network/DNS` → `/tags/network/dns/` */
export function tagPath(tag: string): string {
  return `/tags/${tag.split('/').filter(Boolean).map(slugOf).join('/')}/`;
}
