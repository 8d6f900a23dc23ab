/**
 * `npm run import`: reads the STIX bundles and the vault and writes the collections the site is
 * built from (src/lib/generated.ts). `npm run build` and `npm run dev` import by themselves; this
 * runs the import alone. Exit status: 0 done, 1 bad input (the message names the file and object),
 * 2 bad usage.
 */
import { printImportSummary, reportFailure } from '../src/cli/console.ts';
import { parseOptions, usage } from '../src/cli/options.ts';
import { runImport } from '../src/pipeline/run.ts';

try {
  const options = await parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(usage('import'));
  } else {
    const started = performance.now();
    const result = await runImport(options);
    printImportSummary(result, performance.now() - started);
  }
} catch (error) {
  process.exitCode = reportFailure(error);
}
