/** URLs under the site's base path, and HTML escaping for the few strings built by hand. */

/** `withBase('/wiki/', '/techniques/T1059/')` → `/wiki/techniques/T1059/` */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * Rendered texts link to this site (and show its images) with root-relative URLs; under a base
 * path they need it prefixed. `//host` URLs are not root-relative and are left alone.
 */
export function rebaseLinks(html: string, base: string): string {
  return base === '/' ? html : html.replace(/ (href|src)="\/(?!\/)/g, ` $1="${withBase(base, '/')}`);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}
