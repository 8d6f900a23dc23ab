/**
 * `npm run import`: reads the STIX bundles and writes the content collections the site is built
 * from. Exit status: 0 done, 1 bad input (the message names the file and object), 2 bad usage.
 */
import { runImport } from '../src/pipeline/run.ts';
import { reportFailure, printImportSummary } from '../src/cli/console.ts';
import { GENERATED_DIR, parseOptions, usage } from '../src/cli/options.ts';

try {
  const options = await parseOptions(process.argv.slice(2));
  if (options.help) {
    console.log(usage('import'));
  } else {
    const started = performance.now();
    const result = await runImport({ ...options, generatedDir: GENERATED_DIR });
    printImportSummary(result, performance.now() - started);
  }
} catch (error) {
  process.exitCode = reportFailure(error);
}
