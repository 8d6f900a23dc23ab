/**
 * What a reader who reached a missing page was probably looking for, as a search query: the words
 * and ATT&CK ids of the address below the base path, without the site's own section names and a
 * release's folder. `/wiki/techniques/T1059/009/` → `T1059.009`, `/groups/cozy-bear/` → `cozy bear`.
 * The 404 page (src/pages/404.astro) offers it; it works for any base path, as the page is served
 * at whatever address was asked for.
 */
import { parseAttackId } from '../model/ids.ts';
import { paths, RESERVED_SEGMENTS, routeParam } from './paths.ts';

const RELEASE_FOLDER = /^v\d+(?:\.\d+)*$/;
/** The site's own first path segments, which name no object: `techniques`, `notes`... */
const SECTION_NAMES: ReadonlySet<string> = new Set([...RESERVED_SEGMENTS, routeParam(paths.notes())]);

export function queryFromPath(pathname: string, base: string): string {
  const below = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const segments = below
    .split('/')
    .map(decoded)
    .filter((segment) => segment && !/^index\.html?$/i.test(segment));
  if (segments[0] === 'versions' && RELEASE_FOLDER.test(segments[1] ?? '')) segments.splice(0, 2);
  if (segments.length > 1 && SECTION_NAMES.has(segments[0]!.toLowerCase())) segments.shift();
  const id = parseAttackId(segments.join('.'));
  if (id) return id.id;
  return segments
    .join(' ')
    .replace(/\.html?$/i, '')
    .replace(/[-_+.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A segment as typed, or as it came when it is not valid percent-encoding. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
