/**
 * Link previews: what a reader sees on hovering or focusing a link to an ATT&CK object or a note
 * (src/scripts/link-previews.ts). Each such page has a small file beside it (`preview.json`,
 * paths.preview), written when the site is built (src/exports/link-previews.ts) and fetched only
 * when a link to the page is hovered. Browser-safe: the page script reads it too.
 */
import { parseAttackId } from '../model/ids.ts';
import { hasObjectPage, kindOfCollection } from '../model/kinds.ts';
import { href, paths, type SitePath } from './paths.ts';

/** A page's preview, as its `preview.json` holds it. */
export interface LinkPreview {
  /** The ATT&CK id; none for notes. */
  id?: string;
  name: string;
  /** What the page is: "Technique", "Sub-technique of T1059", "Group", "Procedure", "Note". */
  kind: string;
  /** The first sentence of its description (or of the note), plain text. */
  text: string;
  /** Set when the object is deprecated. */
  deprecated?: true;
}

/**
 * The page of an ATT&CK object that a path under `base` leads to (`/wiki/techniques/T1059/001/`
 * → `/techniques/T1059/001/`), or undefined for any other path.
 */
export function objectPagePath(pathname: string, base: string): SitePath | undefined {
  const root = href(base, paths.home());
  if (!pathname.startsWith(root)) return undefined;
  const [collection = '', ...id] = pathname.slice(root.length).split('/').filter(Boolean);
  const kind = kindOfCollection(collection);
  const parsed = parseAttackId(id.join('.'));
  if (!kind || !hasObjectPage(kind) || parsed?.kind !== kind) return undefined;
  const path = paths.object(kind, parsed.id);
  return href(base, path) === pathname ? path : undefined;
}

/**
 * Whether a path under `base` is a note's page in the notes' or the procedures' folder
 * (`/wiki/notes/tools/dnsrecon/`), not the list itself. A note at a permalink of its own is
 * recognised by the link to it instead (a wikilink, in notes).
 */
export function isNoteFolderPath(pathname: string, base: string): boolean {
  return [paths.notes(), paths.procedures()].some((list) => {
    const root = href(base, list);
    return pathname.startsWith(root) && pathname.length > root.length && pathname.endsWith('/');
  });
}
