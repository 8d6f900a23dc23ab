/** The 404 page (src/pages/404.astro): names the address asked for and offers to search for what it names. */
import { queryFromPath } from '../lib/not-found.ts';
import { href, paths } from '../lib/paths.ts';

const offer = document.querySelector<HTMLElement>('[data-not-found]');
const base = offer?.dataset.base ?? '/';
const query = queryFromPath(location.pathname, base);
const asked = document.querySelector('[data-asked-path]');
if (asked) asked.textContent = location.pathname;
const link = offer?.querySelector('a');
if (offer && link && query) {
  link.href = `${href(base, paths.search())}?q=${encodeURIComponent(query)}`;
  link.textContent = `Search for “${query}”`;
  offer.hidden = false;
}
