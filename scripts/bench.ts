/**
 * `npm run bench [-- --large]`: times clean builds (import, Astro, search index), each in a process
 * of its own as `npm run build` runs, and measures what they produce and their peak memory: the
 * default site (three releases of the three ATT&CK domains, the example vault, the vendored Sigma
 * rules and Atomic tests), with searches and the compare pages timed in Chromium on a cold cache,
 * the query table scored,
 * and each release's pages counted; the same without the detection content, for what it adds; the
 * latest release alone; the same ATT&CK data with a generated 13,500-note vault in the export
 * format of real team vaults, and the dev server's authoring loop on it (from saving a note to its
 * page served); with `--large`, a 50,000-note vault; then the import of every malformed vault of
 * the test corpus and of notes at the size limit in the costliest shapes. Figures go to the
 * console; dist/ is untouched. `npm run bench -- --search-only` measures the default site alone,
 * with its searches and the query table scored.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVault } from '../src/tools/generate-vault.ts';
import { parseOptions, type Options } from '../src/cli/options.ts';
import { measureMalformedInputs, type CaseCost } from '../src/tools/malformed-bench.ts';
import { measureCompare } from '../src/tools/compare-bench.ts';
import { measureSearch, type QueryMeasure } from '../src/tools/search-bench.ts';
import { describeMiss, isRight, type QualityReport } from '../src/tools/search-quality.ts';
import { folderSize, measureBuild, measureDevLoop } from '../src/tools/build-bench.ts';
import { astroConfig } from '../src/integrations/kb.ts';
import { href, paths } from '../src/lib/paths.ts';
import { compareReleases } from '../src/model/collections.ts';
import { releaseFromName } from '../src/pipeline/sources/bundles.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
/** From the last keystroke to the first result shown: median and 95th percentile. */
const TARGET_QUERY_MS = { median: 100, p95: 250 };
const TARGET_QUERY_BYTES = 300 * 1024;
/** Share of the query table whose first result is the expected one. */
const TARGET_RIGHT_FIRST = 0.95;
const TARGET_PAGE_BYTES = 500 * 1024;
const TARGET_SAVE_SECONDS = 2;
const TARGET_COMPARE_MS = 200;
const TARGET_COMPARE_BYTES = 300 * 1024;
/** What the detection content (Sigma rules, Atomic tests, coverage, compare, exports) may add to the default build. */
const TARGET_DETECTIONS_SECONDS = 30;

interface Scenario {
  name: string;
  targetSeconds: number;
  targetMegabytes?: number;
  vault?: string;
  /** Only these releases of the bundles (`--releases`). */
  releases?: string[];
  /** Leaves out the Sigma rules and Atomic tests. */
  withoutDetections?: true;
  measureSearches: boolean;
}

interface Measured {
  rows: [string, string][];
  seconds: number;
  pages: number;
}

const [LARGE, SEARCH_ONLY] = ['--large', '--search-only'];
const large = process.argv.includes(LARGE);
const searchOnly = process.argv.includes(SEARCH_ONLY);
const options = await parseOptions(process.argv.slice(2).filter((arg) => arg !== LARGE && arg !== SEARCH_ONLY));
const work = await mkdtemp(join(tmpdir(), 'attack-kb-bench-'));

try {
  const full = await measure({ name: 'default site', targetSeconds: 120, vault: options.vault, measureSearches: true }, options);
  printTable('default site (3 releases of 3 domains + example vault + Sigma rules and Atomic tests)', full.rows);
  if (!searchOnly) await measureTheRest(full);
} finally {
  await rm(work, { recursive: true, force: true });
}

/** Everything but the default site: what the detection content adds, one release, big vaults, the dev loop, malformed inputs. */
async function measureTheRest(full: Measured): Promise<void> {
  const bare = await measure({ name: 'bare', targetSeconds: 120, vault: options.vault, withoutDetections: true, measureSearches: false }, options);
  printTable('default site without Sigma rules and Atomic tests (--no-sigma --no-atomics)', bare.rows);
  printTable('what the detection content adds', [
    ['build time', `${(full.seconds - bare.seconds).toFixed(1)} s (target ${TARGET_DETECTIONS_SECONDS} s: ${verdict(full.seconds - bare.seconds <= TARGET_DETECTIONS_SECONDS)})`],
    ['pages', `${full.pages - bare.pages} (${full.pages} against ${bare.pages})`],
  ]);
  const teamVault = join(work, 'team-vault');
  const notes = await generateVault(teamVault, 13_500);
  const scenarios: Scenario[] = [
    { name: 'one release (18.1, 3 domains + example vault + detection content)', targetSeconds: 40, vault: options.vault, releases: [latestRelease(options.bundles)], measureSearches: false },
    { name: `3 releases + generated vault of ${notes} notes`, targetSeconds: 120, targetMegabytes: 2048, vault: teamVault, measureSearches: false },
  ];
  if (large) {
    const largeVault = join(work, 'large-vault');
    const largeNotes = await generateVault(largeVault, 50_000);
    scenarios.push({ name: `3 releases + generated vault of ${largeNotes} notes`, targetSeconds: 480, targetMegabytes: 4096, vault: largeVault, measureSearches: false });
  }
  for (const scenario of scenarios) printTable(scenario.name, (await measure(scenario, options)).rows);
  printTable(`dev server on the ${notes}-note vault`, await devRows(teamVault, options));
  printTable('malformed and dense inputs (import alone, ICS bundle)', malformedRows(await measureMalformedInputs(work)));
}

async function measure(scenario: Scenario, base: Options): Promise<Measured> {
  const folder = await mkdtemp(join(work, 'run-'));
  const outDir = join(folder, 'dist');
  const args = [
    ...base.bundles.flatMap((bundle) => ['--bundle', bundle]),
    ...(scenario.releases ? ['--releases', scenario.releases.join(',')] : []),
    ...(scenario.vault ? ['--vault', scenario.vault] : ['--no-vault']),
    ...(scenario.withoutDetections ? ['--no-sigma', '--no-atomics'] : detectionArgs(base)),
    '--base',
    base.base,
  ];
  const measured = await measureBuild(args, outDir, join(folder, 'generated'), TARGET_PAGE_BYTES);
  const { seconds, pages } = measured;
  const rows: [string, string][] = [
    ['import', `${seconds.import.toFixed(1)} s`],
    ['astro build', `${seconds.astro.toFixed(1)} s`],
    ['search index', `${seconds.index.toFixed(1)} s`],
    ['total', `${seconds.total.toFixed(1)} s (target ${scenario.targetSeconds} s: ${verdict(seconds.total <= scenario.targetSeconds)})`],
    [
      'peak memory',
      `${measured.peakMegabytes.toFixed(0)} MB of the build process${scenario.targetMegabytes ? ` (target ${scenario.targetMegabytes} MB: ${verdict(measured.peakMegabytes <= scenario.targetMegabytes)})` : ''}`,
    ],
    ['pages', `${pages.length}`],
    ['dist size', megabytes(measured.distBytes)],
    ['page size', `median ${kilobytes(percentile(pages, 0.5))}, p95 ${kilobytes(percentile(pages, 0.95))}, largest ${kilobytes(pages.at(-1) ?? 0)} (${measured.largest})`],
    ['pages over 500 KB', measured.over.length === 0 ? 'none (met)' : `${measured.over.length} (MISSED): ${measured.over.slice(0, 5).join(', ')}`],
    ['search index size', megabytes(await folderSize(join(outDir, 'pagefind')))],
    ...(await releaseRows(outDir)),
  ];
  if (scenario.measureSearches) {
    const loadBefore = loadavg()[0]!;
    const { speed, quality } = await measureSearch(outDir, base.base);
    rows.push(...searchRows(speed), ...qualityRows(quality));
    // Other work on the machine slows every figure; the load says how busy it was.
    rows.push(['load average', `${loadBefore.toFixed(1)} before the searches, ${loadavg()[0]!.toFixed(1)} after`]);
    for (const { name, milliseconds, bytes } of await measureCompare(outDir, base.base)) {
      rows.push([
        name,
        `${milliseconds.toFixed(0)} ms (target ${TARGET_COMPARE_MS} ms: ${verdict(milliseconds <= TARGET_COMPARE_MS)}), ${kilobytes(bytes)} (target ${kilobytes(TARGET_COMPARE_BYTES)}: ${verdict(bytes <= TARGET_COMPARE_BYTES)})`,
      ]);
    }
  }
  await rm(folder, { recursive: true, force: true });
  return { rows, seconds: seconds.total, pages: pages.length };
}

/** Saves a procedure of the vault three times in the dev server, each time until its page shows the change. */
async function devRows(vault: string, base: Options): Promise<[string, string][]> {
  const name = (await readdir(join(vault, 'procedures'))).sort()[0]!.replace(/\.md$/, '');
  const config = astroConfig({ ...base, vault, generatedDir: join(work, 'dev-generated') });
  const started = performance.now();
  const saves = await measureDevLoop(config, vault, `procedures/${name}.md`, href(base.base, paths.procedure(name)));
  const slowest = Math.max(...saves);
  return [
    ['start, first page and saves', `${((performance.now() - started) / 1000).toFixed(1)} s`],
    ['save to page served', `${saves.map((seconds) => `${seconds.toFixed(2)} s`).join(', ')} (target ${TARGET_SAVE_SECONDS} s: ${verdict(slowest <= TARGET_SAVE_SECONDS)})`],
  ];
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

/** The detection sources the options name, as flags. */
function detectionArgs(options: Options): string[] {
  return [...(options.sigma ? ['--sigma', options.sigma] : ['--no-sigma']), ...(options.atomics ? ['--atomics', options.atomics] : ['--no-atomics'])];
}

/** The latest release among these bundles (by their file names). */
function latestRelease(bundles: string[]): string {
  return bundles.map((bundle) => releaseFromName(bundle) ?? '').sort(compareReleases).at(-1) ?? '';
}

/** Pages and bytes of each release's frozen pages (or permalinks, for the live one) and of the changelogs. */
async function releaseRows(outDir: string): Promise<[string, string][]> {
  const folders = [
    ...(await readdir(join(outDir, 'versions')).catch(() => [])).map((name) => [`release ${name.slice(1)} (versions/${name}/)`, join(outDir, 'versions', name)] as const),
    ['changes between releases (changes/)', join(outDir, 'changes')] as const,
  ];
  return Promise.all(
    folders.map(async ([label, folder]): Promise<[string, string]> => {
      const pages = (await readdir(folder, { recursive: true }).catch(() => [])).filter((file) => file.endsWith('.html')).length;
      return [label, `${pages} pages, ${megabytes(await folderSize(folder))}`];
    }),
  );
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
