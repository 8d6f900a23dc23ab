/** Runs the build script as a user would, from a test, and waits for it. */
import { execFileSync, type StdioOptions } from 'node:child_process';

/**
 * What vitest puts in process.env for the code under test (its import.meta.env). A build started
 * from a test must not inherit them: Astro would read BASE_URL=/ and the test mode.
 */
const TEST_RUNNER_VARIABLES = /^(TEST|VITEST.*|NODE_ENV|BASE_URL|MODE|DEV|PROD|SSR)$/;

/** `node scripts/build.ts <args>` with the collections in `generatedDir`. Throws, with the output, on failure. */
export function runBuild(args: string[], generatedDir: string, stdio: StdioOptions = 'pipe'): void {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !TEST_RUNNER_VARIABLES.test(name)));
  execFileSync(process.execPath, ['scripts/build.ts', '--generated', generatedDir, ...args], { stdio, env });
}
