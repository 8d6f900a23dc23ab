// @ts-check
/*
 * The theme the reader chose (src/scripts/theme-switch.ts), put on <html> before the page is drawn,
 * so that it never flashes the other one. A plain file loaded by a classic script in <head>
 * (Layout.astro): the Content-Security-Policy runs no inline script, and a module would run too
 * late. The stylesheet reads `data-theme` (postcss.config.mjs); without it, the system's setting.
 */
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {
  // Storage refused (privacy settings, a file opened from disk): the system's setting applies.
}
