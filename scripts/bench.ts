/**
 * `npm run bench`: times clean builds (import, Astro, search index) into temporary folders and
 * measures what they produce: the default site (three ATT&CK domains and the example vault), with
 * searches timed in Chromium on a cold cache and the query table scored, and the same ATT&CK data
 * with a generated 15,000-note vault; then the import of every malformed vault of the test corpus
 * and of notes at the size limit in the costliest shapes. Figures go to the console; dist/ is
 * untouched. `npm run bench -- --search-only` measures the default site alone.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVault } from '../src/tools/generate-vault.ts';
import { parseOptions, type Options } from '../src/cli/options.ts';
import { measureMalformedInputs, type CaseCost } from '../src/tools/malformed-bench.ts';
import { measureSearch, type QueryMeasure } from '../src/tools/search-bench.ts';
import { describeMiss, isRight, type QualityReport } from '../src/tools/search-quality.ts';
import { astroConfig } from '../src/integrations/kb.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
/** From the last keystroke to the first result shown: median and 95th percentile. */
const TARGET_QUERY_MS = { median: 100, p95: 250 };
const TARGET_QUERY_BYTES = 300 * 1024;
/** Share of the query table whose first result is the expected one. */
const TARGET_RIGHT_FIRST = 0.95;

interface Scenario {
  name: string;
  targetSeconds: number;
  vault?: string;
  measureSearches: boolean;
}

const SEARCH_ONLY = '--search-only';
const searchOnly = process.argv.includes(SEARCH_ONLY);
const options = await parseOptions(process.argv.slice(2).filter((arg) => arg !== SEARCH_ONLY));
const work = await mkdtemp(join(tmpdir(), 'attack-kb-bench-'));

try {
  const scenarios: Scenario[] = [{ name: 'default site (3 domains + example vault)', targetSeconds: 40, vault: options.vault, measureSearches: true }];
  if (!searchOnly) {
    const generated = join(work, 'generated-vault');
    const notes = await generateVault(generated, 15_000);
    scenarios.push({ name: `3 domains + generated vault of ${notes} notes`, targetSeconds: 180, vault: generated, measureSearches: false });
  }
  for (const scenario of scenarios) printTable(scenario.name, await measure(scenario, options));
  if (!searchOnly) printTable('malformed and dense inputs (import alone, ICS bundle)', malformedRows(await measureMalformedInputs(work)));
} finally {
  await rm(work, { recursive: true, force: true });
}

async function measure(scenario: Scenario, base: Options): Promise<[string, string][]> {
  const folder = await mkdtemp(join(work, 'run-'));
  const outDir = join(folder, 'dist');
  const seconds = { import: 0, index: 0 };
  const config = astroConfig({
    ...base,
    vault: scenario.vault,
    generatedDir: join(folder, 'generated'),
    onImported: (_, milliseconds) => (seconds.import = milliseconds / 1000),
    onIndexed: (_, milliseconds) => (seconds.index = milliseconds / 1000),
  });
  const { build } = await import('astro');
  const total = await timed(() => build({ ...config, root: process.cwd(), outDir, logLevel: 'error', configFile: false }));
  const buildSeconds = total - seconds.import - seconds.index;
  const sizes = await htmlSizes(outDir);
  const rows: [string, string][] = [
    ['import', `${seconds.import.toFixed(1)} s`],
    ['astro build', `${buildSeconds.toFixed(1)} s`],
    ['search index', `${seconds.index.toFixed(1)} s`],
    ['total', `${total.toFixed(1)} s (target ${scenario.targetSeconds} s: ${verdict(total <= scenario.targetSeconds)})`],
    ['pages', `${sizes.pages.length}`],
    ['dist size', megabytes(await folderSize(outDir))],
    ['page size', `median ${kilobytes(percentile(sizes.pages, 0.5))}, p95 ${kilobytes(percentile(sizes.pages, 0.95))}, largest ${kilobytes(sizes.pages.at(-1) ?? 0)} (${sizes.largest})`],
    ['search index size', megabytes(await folderSize(join(outDir, 'pagefind')))],
  ];
  if (scenario.measureSearches) {
    const loadBefore = loadavg()[0]!;
    const { speed, quality } = await measureSearch(outDir, base.base);
    rows.push(...searchRows(speed), ...qualityRows(quality));
    // Other work on the machine slows every figure; the load says how busy it was.
    rows.push(['load average', `${loadBefore.toFixed(1)} before the searches, ${loadavg()[0]!.toFixed(1)} after`]);
  }
  return rows;
}

function malformedRows(costs: CaseCost[]): [string, string][] {
  const rows = costs.map((cost): [string, string] => [
    cost.name,
    `${cost.seconds.toFixed(1)} s${cost.peakMegabytes ? `, ${cost.peakMegabytes.toFixed(0)} MB` : ''}${cost.failed ? ' (import failed)' : ''}`,
  ]);
  const slowest = costs.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const hungriest = costs.reduce((a, b) => ((b.peakMegabytes ?? 0) > (a.peakMegabytes ?? 0) ? b : a));
  rows.push(['slowest', `${slowest.name}: ${slowest.seconds.toFixed(1)} s`]);
  if (hungriest.peakMegabytes) rows.push(['most memory', `${hungriest.name}: ${hungriest.peakMegabytes.toFixed(0)} MB`]);
  return rows;
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return (performance.now() - started) / 1000;
}

/** One row per query, then median and p95 of time to first result and of bytes fetched. */
function searchRows(searches: QueryMeasure[]): [string, string][] {
  const shown = searches.filter((search) => !Number.isNaN(search.milliseconds));
  const times = shown.map((search) => search.milliseconds).sort((a, b) => a - b);
  const bytes = searches.map((search) => search.bytes).sort((a, b) => a - b);
  const [medianTime, p95Time] = [percentile(times, 0.5), percentile(times, 0.95)];
  const most = bytes.at(-1) ?? 0;
  return [
    ...searches.map(({ query, milliseconds, bytes }): [string, string] => [
      `  ${query}`,
      `${Number.isNaN(milliseconds) ? 'no result' : `${milliseconds.toFixed(0)} ms`}, ${kilobytes(bytes)}`,
    ]),
    [
      'search (cold cache)',
      `last keystroke to first result: median ${medianTime.toFixed(0)} ms, p95 ${p95Time.toFixed(0)} ms ` +
        `(targets ${TARGET_QUERY_MS.median} and ${TARGET_QUERY_MS.p95} ms: ${verdict(medianTime <= TARGET_QUERY_MS.median && p95Time <= TARGET_QUERY_MS.p95)})` +
        (shown.length < searches.length ? `; ${searches.length - shown.length} showed no result` : ''),
    ],
    [
      'search bytes',
      `median ${kilobytes(percentile(bytes, 0.5))}, p95 ${kilobytes(percentile(bytes, 0.95))}, most ${kilobytes(most)} (target ${kilobytes(TARGET_QUERY_BYTES)}: ${verdict(most <= TARGET_QUERY_BYTES)})`,
    ],
  ];
}

/** The share of right first results, per group of the query table, and the queries missed. */
function qualityRows({ right, answers }: QualityReport): [string, string][] {
  const share = ({ right: count, total }: { right: number; total: number }) => `${count}/${total} (${((100 * count) / total).toFixed(1)}%)`;
  const all = right.all.right / right.all.total;
  return [
    ['first result right', `${share(right.all)} (target ${(100 * TARGET_RIGHT_FIRST).toFixed(0)}%: ${verdict(all >= TARGET_RIGHT_FIRST)})`],
    ...Object.entries(right)
      .filter(([group]) => group !== 'all')
      .map(([group, tally]): [string, string] => [`  ${group}`, share(tally)]),
    ...answers.filter((answer) => !isRight(answer)).map((answer): [string, string] => ['  missed', describeMiss(answer)]),
  ];
}

function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

async function htmlSizes(folder: string): Promise<{ pages: number[]; largest: string }> {
  const files = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.html'));
  const sized = await Promise.all(files.map(async (file) => ({ file, size: (await stat(join(folder, file))).size })));
  sized.sort((a, b) => a.size - b.size);
  return { pages: sized.map((entry) => entry.size), largest: sized.at(-1)?.file ?? '' };
}

async function folderSize(folder: string): Promise<number> {
  const files = await readdir(folder, { recursive: true });
  const sizes = await Promise.all(files.map(async (file) => (await stat(join(folder, file))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Of values sorted ascending. */
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function printTable(title: string, rows: [string, string][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}
