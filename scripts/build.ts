/**
 * `npm run build`: builds the site into a staging folder through Astro, whose kb integration
 * (src/integrations/kb.ts) imports the bundles first and indexes the pages for search last, and
 * only then puts it in place of the output folder, so a failed build leaves the previous site
 * untouched. Exit status: 0 done, 1 bad input or failed build, 2 bad usage.
 */
import { rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { printImportSummary, reportFailure } from '../src/cli/console.ts';
import { consoleProgress } from '../src/cli/progress.ts';
import { parseOptions, usage } from '../src/cli/options.ts';
import { astroConfig } from '../src/integrations/kb.ts';
import { swapFolder } from '../src/pipeline/emit/swap-folder.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

const options = await parseOptions(process.argv.slice(2)).catch((error: unknown) => {
  process.exit(reportFailure(error));
});

if (options.help) {
  console.log(usage('build'));
} else {
  const staging = join(dirname(options.outDir), `.${basename(options.outDir)}-staging-${process.pid}`);
  let pages = 0;
  const started = performance.now();
  const config = astroConfig({
    ...options,
    progress: consoleProgress(),
    onImported: printImportSummary,
    onBuilt: (count) => {
      pages = count;
      console.log(`built ${count} pages in ${seconds(started)} s`);
    },
    onIndexed: (indexed, milliseconds) => console.log(`indexed ${indexed} pages for search in ${(milliseconds / 1000).toFixed(1)} s`),
    onNamesIndexed: (names, milliseconds) =>
      console.log(
        `wrote the name index (${names.pages} pages, ${names.formerNames} old names, ${names.abbreviations} abbreviations, ${(names.bytes / 1024).toFixed(0)} KB) in ${(milliseconds / 1000).toFixed(1)} s`,
      ),
  });
  try {
    const { build } = await import('astro');
    await build({ ...config, root: process.cwd(), outDir: staging, logLevel: 'warn', configFile: false });
    await swapFolder(staging, options.outDir);
    console.log(`wrote ${pages} pages into ${options.outDir}/ (base ${options.base}) in ${seconds(started)} s`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    console.error(`The build failed; ${options.outDir}/ was left as it was.`);
    process.exitCode = reportFailure(error);
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
