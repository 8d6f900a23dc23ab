/**
 * Measures a clean build as a user runs it (`npm run build`, in a process of its own): the time of
 * each step as the build tells it, the peak memory of the build process, and the pages it wrote
 * (how many, their sizes, the largest, those over a size). And the dev server's authoring loop:
 * the time from saving a note to its page served with the change.
 */
import { spawn } from 'node:child_process';
import { appendFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroUserConfig } from 'astro';

export interface BuildMeasure {
  seconds: { import: number; astro: number; index: number; total: number };
  peakMegabytes: number;
  pages: number[];
  largest: string;
  /** Pages larger than the size asked about, by path. */
  over: string[];
  distBytes: number;
}

export async function measureBuild(args: string[], outDir: string, generatedDir: string, overBytes: number): Promise<BuildMeasure> {
  const output = await run(process.execPath, ['--import', './src/tools/peak-memory.ts', 'scripts/build.ts', ...args, '--out', outDir, '--generated', generatedDir]);
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? Number.NaN);
  const imported = number(/^imported .* in ([\d.]+) s$/m);
  const built = number(/^built \d+ pages in ([\d.]+) s$/m);
  const indexed = number(/^indexed \d+ pages for search in ([\d.]+) s$/m);
  const total = number(/^wrote \d+ pages into .* in ([\d.]+) s$/m);
  const sizes = await htmlSizes(outDir);
  return {
    seconds: { import: imported, astro: built - imported, index: indexed, total },
    peakMegabytes: number(/^peak-rss-kb (\d+)$/m) / 1024,
    pages: sizes.map((entry) => entry.size),
    largest: sizes.at(-1)?.file ?? '',
    over: sizes.filter((entry) => entry.size > overBytes).map((entry) => entry.file),
    distBytes: await folderSize(outDir),
  };
}

/**
 * Starts the dev server on the vault, then saves `note` (a vault path) with a new line `times`
 * times, each time measuring from the save to its page (`page`, a site path) served with the line.
 */
export async function measureDevLoop(config: AstroUserConfig, vault: string, note: string, page: string, times = 3): Promise<number[]> {
  const { dev } = await import('astro');
  const server = await dev({ ...config, root: process.cwd(), configFile: false, logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  const url = `http://127.0.0.1:${server.address.port}${page}`;
  try {
    await fetch(url).then((response) => response.text());
    const seconds: number[] = [];
    for (let time = 0; time < times; time++) {
      const mark = `Saved at ${Date.now()}-${time}`;
      const started = performance.now();
      await appendFile(join(vault, note), `\n\n${mark}\n`);
      while (!(await fetch(url).then((response) => response.text())).includes(mark)) {
        if (performance.now() - started > 60_000) throw new Error(`the change to ${note} did not show within a minute`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      seconds.push((performance.now() - started) / 1000);
    }
    return seconds;
  } finally {
    await server.stop();
  }
}

function run(command: string, args: string[]): Promise<string> {
  const child = spawn(command, args, { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(output) : reject(new Error(`${args.join(' ')} failed (${status}):\n${output.slice(-4000)}`))));
  });
}

async function htmlSizes(folder: string): Promise<{ file: string; size: number }[]> {
  const files = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.html'));
  const sized = await Promise.all(files.map(async (file) => ({ file, size: (await stat(join(folder, file))).size })));
  return sized.sort((a, b) => a.size - b.size);
}

export async function folderSize(folder: string): Promise<number> {
  const files = await readdir(folder, { recursive: true });
  const sizes = await Promise.all(files.map(async (file) => (await stat(join(folder, file))).size));
  return sizes.reduce((sum, size) => sum + size, 0);
}
