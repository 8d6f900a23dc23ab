/** Runs the build script as a user would, from a test, and waits for it. */
import { spawn } from 'node:child_process';

/**
 * What vitest puts in process.env for the code under test (its import.meta.env). A build started
 * from a test must not inherit them: Astro would read BASE_URL=/ and the test mode.
 */
const TEST_RUNNER_VARIABLES = /^(TEST|VITEST.*|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;

/**
 * `node scripts/build.ts <args>` with the collections in `generatedDir`. Its output is kept back
 * unless `show`; a failure rejects with it.
 */
export function runBuild(args: string[], generatedDir: string, { show = false } = {}): Promise<void> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !TEST_RUNNER_VARIABLES.test(name)));
  const child = spawn(process.execPath, ['scripts/build.ts', '--generated', generatedDir, ...args], { env, stdio: show ? 'inherit' : 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve() : reject(new Error(`build ${args.join(' ')} failed (${status}):\n${output}`))));
  });
}
