/**
 * Link checking over a built site: every internal href and src must lead to a file of the site,
 * and every #fragment to an element of the page it points at (its id, or the name of an <a>).
 * Links are resolved the way a browser resolves them, against the page's own URL under the base
 * path; directory URLs stand for their index.html, as on any static host.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readTags, type Tag } from './html.ts';

export interface BrokenLink {
  /** The page holding the link, relative to the site folder. */
  page: string;
  link: string;
  reason: string;
}

export interface LinkReport {
  pages: number;
  /** Links into the site that were checked. */
  internal: number;
  /** Links elsewhere (other sites, mailto:...), not followed. */
  external: number;
  broken: BrokenLink[];
}

interface Page {
  anchors: Set<string>;
  links: string[];
}

/** Attributes that hold one URL. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data'];
/** A stand-in origin to resolve links against: only the path matters. */
const ORIGIN = 'http://site.invalid';
/** Fragments every page has: `#` alone, and `#top`, which browsers take as the top of the page. */
const IMPLICIT_FRAGMENTS = new Set(['', 'top']);

export function checkLinks(siteDir: string, base: string): LinkReport {
  const files = listFiles(siteDir);
  const pages = new Map<string, Page>();
  for (const file of files) {
    if (file.endsWith('.html')) pages.set(file, readPage(readFileSync(join(siteDir, file), 'utf8')));
  }
  const report: LinkReport = { pages: pages.size, internal: 0, external: 0, broken: [] };
  for (const [file, page] of pages) {
    const pageUrl = new URL(`${base}${file.replace(/(^|\/)index\.html$/, '$1')}`, ORIGIN);
    for (const link of page.links) {
      const problem = checkLink(link, pageUrl, base, files, pages);
      if (problem === EXTERNAL) {
        report.external++;
        continue;
      }
      report.internal++;
      if (problem) report.broken.push({ page: file, link, reason: problem });
    }
  }
  return report;
}

const EXTERNAL = Symbol('external');

/** Why the link is broken; undefined when it resolves, EXTERNAL when it leaves the site. */
function checkLink(
  link: string,
  pageUrl: URL,
  base: string,
  files: Set<string>,
  pages: Map<string, Page>,
): string | typeof EXTERNAL | undefined {
  let url: URL;
  try {
    url = new URL(link, pageUrl);
  } catch {
    return 'not a valid URL';
  }
  if (url.origin !== ORIGIN) return EXTERNAL;
  if (!url.pathname.startsWith(base)) return `outside the base path ${base}`;
  const path = decodePart(url.pathname.slice(base.length));
  if (path === undefined) return 'not a valid URL';
  const file = [path, `${path}index.html`, `${path}/index.html`].find((candidate) => files.has(candidate));
  if (!file) return 'no such file';
  const fragment = decodePart(url.hash.slice(1));
  if (fragment === undefined || IMPLICIT_FRAGMENTS.has(fragment)) return undefined;
  const target = pages.get(file);
  if (!target) return `#${fragment} on a file that is not a page`;
  return target.anchors.has(fragment) ? undefined : `no element with id "${fragment}" on ${file}`;
}

function readPage(html: string): Page {
  const anchors = new Set<string>();
  const links: string[] = [];
  for (const tag of readTags(html)) {
    if (tag.attributes.id) anchors.add(tag.attributes.id);
    if (tag.name === 'a' && tag.attributes.name) anchors.add(tag.attributes.name);
    links.push(...linksOf(tag));
  }
  return { anchors, links };
}

function linksOf({ name, attributes }: Tag): string[] {
  const links = URL_ATTRIBUTES.flatMap((attribute) => attributes[attribute] ?? []);
  if (attributes.srcset) links.push(...attributes.srcset.split(',').map((candidate) => candidate.trim().split(/\s+/)[0]!));
  const refresh = name === 'meta' && attributes['http-equiv']?.toLowerCase() === 'refresh' && attributes.content;
  const refreshUrl = refresh ? /url\s*=\s*(.+)$/i.exec(refresh)?.[1]?.trim() : undefined;
  if (refreshUrl) links.push(refreshUrl);
  return links;
}

function decodePart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** Every file under the folder, as a path relative to it with forward slashes, in order. */
function listFiles(folder: string): Set<string> {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
  return new Set(files.sort());
}
