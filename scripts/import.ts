/**
 * `npm run import`: reads the STIX bundles and the vault and writes the collections the site is
 * built from (src/lib/generated.ts). `npm run build` and `npm run dev` import by themselves; this
 * runs the import alone. Exit status: 0 done, 1 bad input (the message names the file and object),
 * 2 bad usage.
 */
import { importCommand } from '../src/cli/import-command.ts';

process.exitCode = await importCommand(process.argv.slice(2));
