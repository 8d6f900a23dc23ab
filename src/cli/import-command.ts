/** `npm run import` as a function: what the script does, and the exit status it ends with. */
import { printImportSummary, reportFailure } from './console.ts';
import { parseOptions, usage } from './options.ts';
import { runImport } from '../pipeline/run.ts';
import { consoleProgress } from './progress.ts';

export async function importCommand(argv: string[]): Promise<number> {
  try {
    const options = await parseOptions(argv);
    if (options.help) {
      console.log(usage('import'));
      return 0;
    }
    const started = performance.now();
    const result = await runImport({ ...options, progress: consoleProgress() });
    printImportSummary(result, performance.now() - started);
    return 0;
  } catch (error) {
    return reportFailure(error);
  }
}
