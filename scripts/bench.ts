/**
 * `npm run bench`: times a clean build of the full site (import, Astro, search index) into a
 * temporary folder, measures what it produced, and times searches in Chromium on a cold cache.
 * Figures go to the console; nothing in dist/ changes.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from './import/run.ts';
import { parseOptions } from './lib/options.ts';
import { measureSearch, type QueryMeasure } from './lib/search-bench.ts';
import { indexSite } from './lib/search-index.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const TARGET_SECONDS = 40;
const TARGET_QUERY_MS = 300;
const TARGET_QUERY_BYTES = 300 * 1024;

const options = await parseOptions(process.argv.slice(2));
const work = await mkdtemp(join(tmpdir(), 'attack-kb-bench-'));
process.env.KB_GENERATED_DIR = join(work, 'generated');
const outDir = join(work, 'dist');

try {
  // Astro keeps a cache of the content collections; a clean build starts without it.
  await rm('node_modules/.astro', { recursive: true, force: true });

  const importSeconds = await timed(() => runImport({ ...options, generatedDir: process.env.KB_GENERATED_DIR }));
  const { build } = await import('astro');
  const buildSeconds = await timed(() => build({ root: process.cwd(), base: options.base, outDir, logLevel: 'error' }));
  const indexSeconds = await timed(() => indexSite(outDir));
  const sizes = await htmlSizes(outDir);
  const total = importSeconds + buildSeconds + indexSeconds;
  const loadBefore = loadavg()[0]!;
  const searches = await measureSearch(outDir, options.base);

  printTable([
    ['import', `${importSeconds.toFixed(1)} s`],
    ['astro build', `${buildSeconds.toFixed(1)} s`],
    ['search index', `${indexSeconds.toFixed(1)} s`],
    ['total', `${total.toFixed(1)} s (target ${TARGET_SECONDS} s: ${verdict(total <= TARGET_SECONDS)})`],
    ['pages', `${sizes.pages.length}`],
    ['dist size', megabytes(await folderSize(outDir))],
    ['page size', `median ${kilobytes(percentile(sizes.pages, 0.5))}, p95 ${kilobytes(percentile(sizes.pages, 0.95))}, largest ${kilobytes(sizes.pages.at(-1) ?? 0)} (${sizes.largest})`],
    ['search index size', megabytes(await folderSize(join(outDir, 'pagefind')))],
    ...searchRows(searches),
    // Other work on the machine slows every figure; the load says how busy it was.
    ['load average', `${loadBefore.toFixed(1)} before the searches, ${loadavg()[0]!.toFixed(1)} after`],
  ]);
} finally {
  await rm(work, { recursive: true, force: true });
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

function printTable(rows: [string, string][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}
