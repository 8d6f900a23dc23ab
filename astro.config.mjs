// @ts-check
import { defineConfig } from 'astro/config';

// `npm run build` passes the base path itself; `npm run dev` and `npm run preview` read BASE_PATH.
export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  prerenderConflictBehavior: 'error',
});
