/**
 * `npm run bench`: times clean builds (import, Astro, search index) into temporary folders and
 * measures what they produce: the default site (three ATT&CK domains, the example vault, the
 * vendored Sigma rules and Atomic tests), with searches and the compare pages timed in Chromium on
 * a cold cache; the same without the detection content, for what it adds (time, pages); and the
 * same ATT&CK data with a generated 15,000-note vault; then the import of every malformed vault of the test corpus and of notes at
 * the size limit in the costliest shapes. Figures go to the console; dist/ is untouched.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVault } from '../src/tools/generate-vault.ts';
import { parseOptions, type Options } from '../src/cli/options.ts';
import { measureMalformedInputs, type CaseCost } from '../src/tools/malformed-bench.ts';
import { measureCompare } from '../src/tools/compare-bench.ts';
import { measureSearch, type QueryMeasure } from '../src/tools/search-bench.ts';
import { astroConfig } from '../src/integrations/kb.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const TARGET_QUERY_MS = 300;
const TARGET_QUERY_BYTES = 300 * 1024;
const TARGET_COMPARE_MS = 200;
const TARGET_COMPARE_BYTES = 300 * 1024;
/** What the detection content (Sigma rules, Atomic tests, coverage, compare, exports) may add to the default build. */
const TARGET_DETECTIONS_SECONDS = 30;
const MAX_PAGE_BYTES = 500 * 1024;

interface Scenario {
  targetSeconds: number;
  vault?: string;
  /** Leaves out the Sigma rules and Atomic tests. */
  withoutDetections?: true;
  measureSearches: boolean;
}

interface Measured {
  rows: [string, string][];
  seconds: number;
  pages: number;
}

const options = await parseOptions(process.argv.slice(2));
const work = await mkdtemp(join(tmpdir(), 'attack-kb-bench-'));

try {
  const generated = join(work, 'generated-vault');
  const notes = await generateVault(generated, 15_000);
  const full = await measure({ targetSeconds: 120, vault: options.vault, measureSearches: true }, options);
  printTable('default site (3 domains + example vault + Sigma rules and Atomic tests)', full.rows);
  const bare = await measure({ targetSeconds: 120, vault: options.vault, withoutDetections: true, measureSearches: false }, options);
  printTable('default site without Sigma rules and Atomic tests (--no-sigma --no-atomics)', bare.rows);
  const added = full.seconds - bare.seconds;
  printTable('what the detection content adds', [
    ['build time', `${added.toFixed(1)} s (target ${TARGET_DETECTIONS_SECONDS} s: ${verdict(added <= TARGET_DETECTIONS_SECONDS)})`],
    ['pages', `${full.pages - bare.pages} (${full.pages} against ${bare.pages})`],
  ]);
  const vaulted = await measure({ targetSeconds: 180, vault: generated, measureSearches: false }, options);
  printTable(`3 domains + generated vault of ${notes} notes`, vaulted.rows);
  printTable('malformed and dense inputs (import alone, ICS bundle)', malformedRows(await measureMalformedInputs(work)));
} finally {
  await rm(work, { recursive: true, force: true });
}

async function measure(scenario: Scenario, base: Options): Promise<Measured> {
  const folder = await mkdtemp(join(work, 'run-'));
  const outDir = join(folder, 'dist');
  const seconds = { import: 0, index: 0 };
  const config = astroConfig({
    ...base,
    vault: scenario.vault,
    ...(scenario.withoutDetections ? { sigma: undefined, atomics: undefined } : {}),
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
    ['pages over 500 KB', `${sizes.pages.filter((size) => size > MAX_PAGE_BYTES).length}${sizes.over.length > 0 ? ` (${sizes.over.join(', ')})` : ''}`],
    ['search index size', megabytes(await folderSize(join(outDir, 'pagefind')))],
  ];
  if (scenario.measureSearches) {
    const loadBefore = loadavg()[0]!;
    rows.push(...searchRows(await measureSearch(outDir, base.base)));
    // Other work on the machine slows every figure; the load says how busy it was.
    rows.push(['load average', `${loadBefore.toFixed(1)} before the searches, ${loadavg()[0]!.toFixed(1)} after`]);
    for (const { name, milliseconds, bytes } of await measureCompare(outDir, base.base)) {
      rows.push([
        name,
        `${milliseconds.toFixed(0)} ms (target ${TARGET_COMPARE_MS} ms: ${verdict(milliseconds <= TARGET_COMPARE_MS)}), ${kilobytes(bytes)} (target ${kilobytes(TARGET_COMPARE_BYTES)}: ${verdict(bytes <= TARGET_COMPARE_BYTES)})`,
      ]);
    }
  }
  return { rows, seconds: total, pages: sizes.pages.length };
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
  const times = searches.map((search) => search.milliseconds).sort((a, b) => a - b);
  const bytes = searches.map((search) => search.bytes).sort((a, b) => a - b);
  const medianTime = percentile(times, 0.5);
  const medianBytes = percentile(bytes, 0.5);
  return [
    ...searches.map(({ query, milliseconds, bytes }): [string, string] => [`  ${query}`, `${milliseconds.toFixed(0)} ms, ${kilobytes(bytes)}`]),
    ['search (cold cache)', `median ${medianTime.toFixed(0)} ms, p95 ${percentile(times, 0.95).toFixed(0)} ms (target ${TARGET_QUERY_MS} ms: ${verdict(medianTime <= TARGET_QUERY_MS)})`],
    ['search bytes', `median ${kilobytes(medianBytes)}, p95 ${kilobytes(percentile(bytes, 0.95))} (target ${kilobytes(TARGET_QUERY_BYTES)}: ${verdict(medianBytes <= TARGET_QUERY_BYTES)})`],
  ];
}

function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

async function htmlSizes(folder: string): Promise<{ pages: number[]; largest: string; over: string[] }> {
  const files = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.html'));
  const sized = await Promise.all(files.map(async (file) => ({ file, size: (await stat(join(folder, file))).size })));
  sized.sort((a, b) => a.size - b.size);
  return {
    pages: sized.map((entry) => entry.size),
    largest: sized.at(-1)?.file ?? '',
    over: sized.filter((entry) => entry.size > MAX_PAGE_BYTES).map((entry) => entry.file),
  };
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
