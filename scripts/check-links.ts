/**
 * `npm run check:links -- [--dist dist] [--base /wiki/]`: checks that every internal link, image,
 * script and #anchor of a built site resolves. The base path defaults to the build's (BASE_PATH,
 * then kb.config.json). Exit status: 0 nothing broken, 1 broken links, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { EXIT_BAD_INPUT, reportFailure } from '../src/cli/console.ts';
import { checkLinks } from '../src/tools/links.ts';
import { builtSiteBase, UsageError } from '../src/cli/options.ts';

const BROKEN_SHOWN = 50;

try {
  const { dist, base } = await readArguments(process.argv.slice(2));
  const started = performance.now();
  const report = checkLinks(dist, base);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const { page, link, reason } of report.broken.slice(0, BROKEN_SHOWN)) console.error(`${page}: ${link}: ${reason}`);
  if (report.broken.length > BROKEN_SHOWN) console.error(`... and ${report.broken.length - BROKEN_SHOWN} more`);
  console.log(
    `checked ${report.internal} internal links on ${report.pages} pages of ${dist}/ (base ${base}) in ${seconds} s: ` +
      `${report.broken.length} broken; ${report.external} links to other sites not followed`,
  );
  if (report.broken.length > 0) process.exitCode = EXIT_BAD_INPUT;
} catch (error) {
  process.exitCode = reportFailure(error);
}

async function readArguments(argv: string[]): Promise<{ dist: string; base: string }> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { dist: { type: 'string' }, base: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return { dist: values.dist ?? 'dist', base: await builtSiteBase(values.base) };
}
