/**
 * Link previews: hovering or focusing a link to an ATT&CK object's page or to a note shows what it
 * leads to (kind, id, name, first sentence) in a card beside it (src/client/hover-card.ts), from
 * the few hundred bytes of `preview.json` beside that page (src/lib/link-previews.ts), fetched the
 * first time such a link is hovered or focused. The card never covers the link, and a click always
 * follows it; a finger gets no preview (a tap opens the page, as ever).
 */
import { element } from '../client/element.ts';
import { HoverCard, watchTriggers } from '../client/hover-card.ts';
import { isNoteFolderPath, objectPagePath, type LinkPreview } from '../lib/link-previews.ts';
import { paths, type SitePath } from '../lib/paths.ts';

const SHOW_DELAY = 350;

const card = new HoverCard({ id: 'link-preview', className: 'link-preview', role: 'tooltip' });
const previews = new Map<string, Promise<LinkPreview | undefined>>();
/** The link the reader is on: a preview that arrives for another is not shown. */
let wanted: HTMLAnchorElement | undefined;

/** The preview file of the page a link in the page's content leads to, when it is an object's or a note's. */
function previewFile(link: HTMLAnchorElement): string | undefined {
  if (link.origin !== location.origin || link.pathname === location.pathname || !link.pathname.endsWith('/')) return undefined;
  if (link.closest('.hover-card, .cite, .references')) return undefined;
  const base = import.meta.env.BASE_URL;
  const previewed = link.classList.contains('wikilink') || isNoteFolderPath(link.pathname, base) || objectPagePath(link.pathname, base);
  return previewed ? paths.preview(link.pathname as SitePath) : undefined;
}

const linkOf = (target: EventTarget | null) => {
  const link = target instanceof Element ? target.closest<HTMLAnchorElement>('main a[href]') : null;
  return link && previewFile(link) ? link : null;
};

function load(file: string): Promise<LinkPreview | undefined> {
  let preview = previews.get(file);
  if (!preview) {
    preview = fetch(file)
      .then((response) => (response.ok ? (response.json() as Promise<LinkPreview>) : undefined))
      .then((data) => (typeof data?.name === 'string' && typeof data.kind === 'string' ? data : undefined))
      .catch(() => undefined);
    previews.set(file, preview);
  }
  return preview;
}

function content({ id, name, kind, text, deprecated }: LinkPreview): Node[] {
  const head = element('span', 'link-preview-head', kind);
  if (id) head.append(' ', element('span', 'link-preview-id', id));
  if (deprecated) head.append(' ', element('span', 'link-preview-status', 'Deprecated'));
  return [head, element('span', 'link-preview-name', name), ...(text ? [element('span', 'link-preview-text', text)] : [])];
}

/** A link's own tooltip (a wikilink's title) would cover the preview: it is put aside while the reader is on the link. */
function setTitleAside(link: HTMLElement, aside: boolean): void {
  if (aside && link.title) {
    link.dataset.title = link.title;
    link.removeAttribute('title');
  } else if (!aside && link.dataset.title !== undefined) {
    link.title = link.dataset.title;
    delete link.dataset.title;
  }
}

watchTriggers(linkOf, SHOW_DELAY, {
  enter: (link) => {
    wanted = link as HTMLAnchorElement;
    setTitleAside(link, true);
    void load(previewFile(wanted)!).then((preview) => {
      if (preview && wanted === link) card.show(link, content(preview));
    });
  },
  leave: (link, event) => {
    wanted = undefined;
    setTitleAside(link, false);
    if (event instanceof FocusEvent) card.focusLeft(event);
    else card.hideSoon();
  },
});
