// @ts-check
import { defineConfig } from 'astro/config';
import { printImportSummary } from './src/cli/console.ts';
import { parseOptions } from './src/cli/options.ts';
import { consoleProgress } from './src/cli/progress.ts';
import { astroConfig } from './src/integrations/kb.ts';

// `astro dev` and `astro check` read this file: the defaults, kb.config.json, BASE_PATH and SITE_URL.
// `npm run build` passes its own options to Astro and does not read it.
export default defineConfig(astroConfig({ ...(await parseOptions([])), progress: consoleProgress(), onImported: printImportSummary }));
