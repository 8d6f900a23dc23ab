/** URL segments made from names, for the paths module (src/lib/paths.ts). */
import { slug } from 'github-slugger';

/** A URL segment: lower case letters, digits and dashes only (`..`, `/` and NUL cannot survive). */
export function slugOf(name: string): string {
  return slug(name.replace(/\0/g, '')).replace(/-{2,}/g, '-').replace(/^-+|-+$/g, '') || 'note';
}
