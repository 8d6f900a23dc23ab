// @ts-check
import { defineConfig } from 'astro/config';
import { sitemap } from './src/integrations/sitemap.ts';

// `npm run build` passes the base path and site address itself; `npm run dev` and
// `npm run preview` read BASE_PATH and SITE_URL.
export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  site: process.env.SITE_URL,
  trailingSlash: 'always',
  prerenderConflictBehavior: 'error',
  integrations: [sitemap()],
  // Stylesheets and scripts as files of the site, never inline: the policy (Layout.astro) allows only those.
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
});
