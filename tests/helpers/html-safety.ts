/**
 * What no built page may hold, whatever its input: event-handler attributes, script URLs, anything
 * inline that the Content-Security-Policy would refuse (<script> without src, <style>, style
 * attributes), a <base>, anything loaded, framed, submitted to or redirected to outside the site,
 * scripts other than the site's own (from its `_astro/` and `pagefind/` folders: a script from
 * the site's `files/` would be a vault file run as script), and head-only elements (<meta>,
 * <link>) in the body, where only content could have put them.
 */
import type { Tag } from '../../src/tools/html.ts';

/** Attributes whose value is a URL, on any element. */
const URL_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'ping', 'cite', 'longdesc', 'manifest'];
/** Attributes that load, frame or submit to their URL: these must stay on the site. */
const FETCHING_ATTRIBUTES: Record<string, string[]> = {
  script: ['src'],
  link: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  button: ['formaction'],
  input: ['formaction'],
};
const ORIGIN = 'http://site.invalid';

/** One line per finding, naming the element; empty for a safe page. */
export function unsafeMarkup(tags: Tag[], base: string): string[] {
  let inBody = false;
  return tags.flatMap((tag) => {
    inBody ||= tag.name === 'body';
    const found = findings(tag, base);
    if (inBody && (tag.name === 'meta' || tag.name === 'link')) found.push('in the body');
    return found.map((finding) => `<${tag.name}>: ${finding}`);
  });
}

const OWN_SCRIPT_FOLDERS = ['_astro/', 'pagefind/'];

function findings(tag: Tag, base: string): string[] {
  const { name, attributes } = tag;
  const found: string[] = [];
  for (const [attribute, value] of Object.entries(attributes)) {
    if (attribute.startsWith('on')) found.push(`event handler ${attribute}="${value}"`);
    if (URL_ATTRIBUTES.includes(attribute) && isScriptUrl(value)) found.push(`script URL ${attribute}="${value}"`);
  }
  if ('style' in attributes) found.push(`inline style="${attributes.style}"`);
  if (name === 'style') found.push('inline stylesheet');
  if (name === 'script' && !attributes.src) found.push('inline script');
  if (name === 'script' && attributes.src && !OWN_SCRIPT_FOLDERS.some((folder) => attributes.src!.startsWith(`${base}${folder}`))) {
    found.push(`script not of the site's own: ${attributes.src}`);
  }
  if (name === 'base') found.push('base URL');
  for (const url of fetchedUrls(tag)) {
    if (!isOnSite(url, base)) found.push(`loads or sends to ${url}`);
  }
  return found;
}

function fetchedUrls({ name, attributes }: Tag): string[] {
  // A canonical link names the page's own address (with --site): nothing loads it.
  if (name === 'link' && attributes.rel === 'canonical') return [];
  const urls = (FETCHING_ATTRIBUTES[name] ?? []).flatMap((attribute) => {
    const value = attributes[attribute];
    if (value === undefined) return [];
    return attribute === 'srcset' ? value.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!) : [value];
  });
  if (name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh') {
    urls.push(/url\s*=\s*(.*)$/i.exec(attributes.content ?? '')?.[1]?.trim() ?? '');
  }
  return urls;
}

/** `javascript:`, `vbscript:` and `data:` URLs, spelt any way a browser would still accept. */
function isScriptUrl(value: string): boolean {
  // Browsers drop leading spaces and control characters, and tabs and newlines anywhere; dropping
  // all of them anywhere errs on the side of a false alarm.
  return /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ''));
}

function isOnSite(url: string, base: string): boolean {
  try {
    const resolved = new URL(url, `${ORIGIN}${base}`);
    return resolved.origin === ORIGIN && resolved.pathname.startsWith(base);
  } catch {
    return false;
  }
}
