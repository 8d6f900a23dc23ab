/**
 * `npm run preview -- [--dist dist] [--base /wiki/] [--port 4321]`: serves a built site at
 * http://localhost:4321/ under its base path (by default the build's: --base, BASE_PATH, then
 * kb.config.json), with the headers a host should send. Exit status: 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { reportFailure } from '../src/cli/console.ts';
import { builtSiteBase, UsageError } from '../src/cli/options.ts';
import { serveStatic } from '../src/tools/static-server.ts';

try {
  const { dist, base, port } = await readArguments(process.argv.slice(2));
  const server = await serveStatic(dist, base, { port });
  console.log(`serving ${dist}/ at ${server.url} (Ctrl+C stops)`);
} catch (error) {
  process.exitCode = reportFailure(error);
}

async function readArguments(argv: string[]): Promise<{ dist: string; base: string; port: number }> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { dist: { type: 'string' }, base: { type: 'string' }, port: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const port = Number(values.port ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port}: not a port number`);
  return { dist: values.dist ?? 'dist', base: await builtSiteBase(values.base), port };
}
