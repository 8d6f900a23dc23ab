/** The import and build commands on the malformed corpus: a clear message, an exit status, dist/ untouched. */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importCommand } from '../../src/cli/import-command.ts';
import { FATAL_INPUTS, RECOVERABLE_INPUTS, type MalformedInput } from '../corpus/malformed-stix.ts';
import { bundle, sampleObjects, tempDir, writeBundle } from '../helpers/stix.ts';

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, [script, '--generated', join(dir, 'generated'), ...args], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

/** What the script said at `level` about `source`, without the prefix naming them. */
function said(stderr: string, level: 'error' | 'warning', source: string): string[] {
  const prefix = `${level}: ${source}: `;
  return stderr.split('\n').filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length));
}

function caseNamed(cases: MalformedInput[], name: string): MalformedInput {
  const found = cases.find((input) => input.name === name);
  if (!found) throw new Error(`no malformed input named ${name}`);
  return found;
}

/** Runs the build over a previous site and checks that the site is still there. */
async function buildOverPreviousSite(args: string[]) {
  const out = join(dir, 'dist');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'index.html'), 'previous site');
  const result = run('scripts/build.ts', [...args, '--out', out]);
  expect(result.stderr).toContain('was left as it was');
  expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('previous site');
  return result;
}

/**
 * `npm run import` (src/cli/import-command.ts) run in this process, what it prints caught: the
 * command, not a copy of it, without the second a new Node process costs for each input.
 */
async function importInProcess(args: string[]) {
  const lines: string[] = [];
  const collect = (...parts: unknown[]) => void lines.push(parts.join(' '));
  const spies = [vi.spyOn(console, 'log').mockImplementation(collect), vi.spyOn(console, 'warn').mockImplementation(collect), vi.spyOn(console, 'error').mockImplementation(collect)];
  try {
    const status = await importCommand(['--generated', join(dir, 'generated-in-process'), ...args]);
    return { status, stderr: lines.join('\n') };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/**
 * Every malformed input goes through the import, which `npm run build` runs first (inside Astro,
 * src/integrations/kb.ts) with the same messages and exit status; the build's own promise, that a
 * failed import leaves dist/ as it was, is checked on one fatal and one --strict case (each build
 * starts Astro, which costs seconds), and the scripts' exit statuses in their own processes below.
 */
describe('npm run import with bad input', () => {
  it.each(FATAL_INPUTS)('names $name with the file and exits with status 1', async ({ write, message }) => {
    const source = await write(dir);
    const result = await importInProcess(['--bundle', source]);
    expect(result.status).toBe(1);
    expect(said(result.stderr, 'error', source)).toContainEqual(expect.stringMatching(message));
  });

  it.each(RECOVERABLE_INPUTS)('warns about $name, and stops on it with --strict', async ({ write, message }) => {
    const source = await write(dir);
    const imported = await importInProcess(['--bundle', source]);
    expect(imported.status).toBe(0);
    expect(said(imported.stderr, 'warning', source)).toContainEqual(expect.stringMatching(message));

    const strict = await importInProcess(['--bundle', source, '--strict']);
    expect(strict.status).toBe(1);
    expect(said(strict.stderr, 'error', source)).toContainEqual(expect.stringMatching(message));
  });
});

describe('npm run build with bad input', () => {
  it('names a fatal problem, exits with status 1 and leaves dist/ as it was', async () => {
    const { write, message } = caseNamed(FATAL_INPUTS, 'a real bundle cut in half');
    const source = await write(dir);
    const result = await buildOverPreviousSite(['--bundle', source]);
    expect(result.status).toBe(1);
    expect(said(result.stderr, 'error', source)).toContainEqual(expect.stringMatching(message));
  });

  it('stops on a warning with --strict, exits with status 1 and leaves dist/ as it was', async () => {
    const { write, message } = caseNamed(RECOVERABLE_INPUTS, 'a citation with no matching reference');
    const source = await write(dir);
    const result = await buildOverPreviousSite(['--bundle', source, '--strict']);
    expect(result.status).toBe(1);
    expect(said(result.stderr, 'error', source)).toContainEqual(expect.stringMatching(message));
  });

  it('stops with status 1, naming it, on a vault that is a file', async () => {
    const file = join(dir, 'one-note.md');
    await writeFile(file, '# A note\n');
    const path = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle(sampleObjects()));
    const result = await buildOverPreviousSite(['--bundle', path, '--vault', file]);
    expect(result.status).toBe(1);
    expect(said(result.stderr, 'error', file)).toEqual(['the notes vault is not a folder']);
  });

  it('exits with status 2 on a base path in the config that would write markup into pages', async () => {
    await writeFile(join(dir, 'markup.config.json'), JSON.stringify({ base: '"><img src=x onerror=alert(1)>' }));
    const result = run('scripts/build.ts', ['--config', join(dir, 'markup.config.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/base path .*: path segments may hold only letters, digits and \. _ ~ -/);
  });

  it('exits with status 2 on an unknown option', () => {
    const result = run('scripts/build.ts', ['--no-such-option']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/error: Unknown option '--no-such-option'/);
  });
});

describe('npm run import', () => {
  it('writes the collections and the report for a good bundle', async () => {
    const path = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle(sampleObjects()));
    const result = run('scripts/import.ts', ['--bundle', path]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('imported 1 matrices, 2 tactics, 2 techniques, 1 mitigations, 1 groups');
    const techniques = JSON.parse(await readFile(join(dir, 'generated/collections/releases/18.1/techniques.json'), 'utf8'));
    expect(techniques.map((t: { attackId: string }) => t.attackId)).toEqual(['T1059', 'T1059.001']);
  });

  it('keeps the previous collections when the input is bad', async () => {
    const before = await readFile(join(dir, 'generated/collections/releases/18.1/techniques.json'), 'utf8');
    const result = run('scripts/import.ts', ['--bundle', join(dir, 'missing.json')]);
    expect(result.status).toBe(1);
    expect(await readFile(join(dir, 'generated/collections/releases/18.1/techniques.json'), 'utf8')).toBe(before);
  });

  it('reads bundles and options from a config file', async () => {
    await writeBundle(dir, 'mobile-attack-18.1.json', bundle(sampleObjects().map((o) => ({ ...o, x_mitre_domains: ['mobile-attack'] }))));
    await writeFile(join(dir, 'kb.config.json'), JSON.stringify({ bundles: ['mobile-attack-18.1.json'], release: '9.0' }));
    const result = run('scripts/import.ts', ['--config', join(dir, 'kb.config.json')]);
    expect(result.stdout).toMatch(/loaded Mobile ATT&CK 9\.0 .* from .*mobile-attack-18\.1\.json/);
    expect(result.status).toBe(0);
  });

  it('names a config file with a wrong field', async () => {
    await writeFile(join(dir, 'bad.config.json'), JSON.stringify({ bundles: 'one.json' }));
    const result = run('scripts/import.ts', ['--config', join(dir, 'bad.config.json')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/bad\.config\.json: bundles: Invalid input: expected array/);
  });
});
