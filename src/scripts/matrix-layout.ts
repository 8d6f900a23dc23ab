/**
 * The matrix's layouts (src/components/Matrix.astro) with script. They work without it: the
 * address names the state (`#matrix-flat-all`) and the page's CSS reads it. Script adds two
 * things: where the browser cannot show a closed <details>'s content from CSS (no
 * `::details-content`), "show all sub-techniques" opens every list itself; and the links to the
 * matrix's other views (platforms) keep the chosen state.
 */
const STATE = /^#matrix-(?:side|flat)(-all)?$/;
const area = document.querySelector('.matrix-area');

if (area) {
  const cssShowsAll = CSS.supports('selector(::details-content)');
  let opened = false;
  const apply = () => {
    const state = STATE.exec(location.hash);
    const all = Boolean(state?.[1]);
    if (!cssShowsAll && all !== opened) {
      for (const details of area.querySelectorAll('details')) details.open = all;
      opened = all;
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement>('.matrix-views a')) {
      const target = new URL(link.href);
      target.hash = state ? location.hash : '';
      link.href = target.href;
    }
  };
  addEventListener('hashchange', apply);
  apply();
}
