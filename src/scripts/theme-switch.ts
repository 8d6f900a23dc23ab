/**
 * The theme control of the header (src/components/ThemeSwitch.astro): the system's setting, light
 * or dark, remembered in localStorage and applied at once, in every open tab of the site. Before
 * the page is drawn, src/scripts/theme-init.js applies the remembered choice.
 */
const KEY = 'theme';
const THEMES = ['light', 'dark'];

/** The remembered choice: `light`, `dark`, or `system` when there is none. */
function remembered(): string {
  let theme: string | null = null;
  try {
    theme = localStorage.getItem(KEY);
  } catch {
    // Storage refused: nothing remembered.
  }
  return theme && THEMES.includes(theme) ? theme : 'system';
}

function apply(theme: string): void {
  if (THEMES.includes(theme)) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

function remember(theme: string): void {
  try {
    if (THEMES.includes(theme)) localStorage.setItem(KEY, theme);
    else localStorage.removeItem(KEY);
  } catch {
    // Not remembered, but still applied to this page.
  }
}

for (const control of document.querySelectorAll<HTMLElement>('[data-theme-switch]')) {
  const select = control.querySelector('select');
  if (!select) continue;
  select.value = remembered();
  select.addEventListener('change', () => {
    remember(select.value);
    apply(select.value);
  });
  // A choice made in another tab of the site.
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY && event.key !== null) return;
    select.value = remembered();
    apply(select.value);
  });
  control.hidden = false;
}
