/**
 * `npm run build`: imports the bundles, builds the site into a staging folder, and only then puts
 * it in place of the output folder, so a failed build leaves the previous site untouched.
 * Exit status: 0 done, 1 bad input or failed build, 2 bad usage.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { runImport } from '../src/pipeline/run.ts';
import { printImportSummary, reportFailure } from '../src/cli/console.ts';
import { GENERATED_DIR, parseOptions, usage } from '../src/cli/options.ts';
import { indexSite } from '../src/pipeline/emit/search-index.ts';
import { swapFolder } from '../src/pipeline/emit/swap-folder.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

const options = await parseOptions(process.argv.slice(2)).catch((error: unknown) => {
  process.exit(reportFailure(error));
});

if (options.help) {
  console.log(usage('build'));
} else {
  const staging = join(dirname(options.outDir), `.${basename(options.outDir)}-staging-${process.pid}`);
  try {
    let started = performance.now();
    const imported = await runImport({ ...options, generatedDir: GENERATED_DIR });
    printImportSummary(imported, performance.now() - started);

    started = performance.now();
    const { build } = await import('astro');
    await build({ root: process.cwd(), base: options.base, site: options.site, outDir: staging, logLevel: 'warn' });
    const pages = await countPages(staging);
    const astroSeconds = seconds(started);

    started = performance.now();
    const indexed = await indexSite(staging);
    const indexSeconds = seconds(started);
    await swapFolder(staging, options.outDir);
    console.log(`built ${pages} pages into ${options.outDir}/ (base ${options.base}) in ${astroSeconds} s`);
    console.log(`indexed ${indexed} pages for search in ${indexSeconds} s`);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    console.error(`The build failed; ${options.outDir}/ was left as it was.`);
    process.exitCode = reportFailure(error);
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

async function countPages(folder: string): Promise<number> {
  const files = await readdir(folder, { recursive: true });
  const pages = await Promise.all(
    files.filter((file) => file.endsWith('.html')).map(async (file) => (await stat(join(folder, file))).isFile()),
  );
  return pages.filter(Boolean).length;
}
