// @ts-check
// The stylesheet's dark theme is written for the reader's system setting (`@media screen and
// (prefers-color-scheme: dark)`); this copies each such rule to also apply when the reader chose a
// theme on the site, which src/scripts/theme-init.js marks on <html> as `data-theme`.
import darkThemeClass from 'postcss-dark-theme-class';

export default {
  plugins: [darkThemeClass({ darkSelector: '[data-theme="dark"]', lightSelector: '[data-theme="light"]' })],
};
