/**
 * Builds, once per test run and before any test, everything the suites read, each into its own
 * folder under .test-output/ (a developer's own dist/ and .generated/ are left alone):
 *
 * - the full default site (three releases of three domains, and the example vault) under /wiki/, whose imported
 *   collections the unit tests read too (tests/helpers/vendored.ts): the vendored data is imported
 *   once per run;
 * - Enterprise with the test vault (tests/fixtures/vault) under /kb/;
 * - the site of the hostile corpus (tests/corpus/);
 * - a second build of the vault site, which the determinism test compares with the first: made
 *   later, beside another build, so that anything shared between builds would show as a difference.
 */
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildHostileSite } from './corpus/hostile-site.ts';
import { runBuild } from './helpers/build.ts';
import {
  HOSTILE_DIR,
  TEST_BASE,
  TEST_GENERATED_DIR,
  TEST_SITE_ARGS,
  TEST_SITE_DIR,
  TWIN_GENERATED_DIR,
  TWIN_SITE_DIR,
  VAULT_TEST_BASE,
  VAULT_TEST_GENERATED_DIR,
  VAULT_TEST_SITE_DIR,
} from './test-sites.ts';


export default async function buildSites({ provide }: TestProject) {
  await rm('.test-output', { recursive: true, force: true });
  const vaultSiteArgs = ['--base', VAULT_TEST_BASE, '--bundle', 'content/attack/enterprise-attack-18.1.json.br', '--vault', 'tests/fixtures/vault'];
  // Two builds at a time (each uses about one core), each into folders of its own: the full site
  // (three releases) beside the three smaller ones.
  await allFinished([
    runBuild([...TEST_SITE_ARGS, '--out', TEST_SITE_DIR], TEST_GENERATED_DIR, { show: true }),
    (async () => {
      await runBuild([...vaultSiteArgs, '--out', VAULT_TEST_SITE_DIR], VAULT_TEST_GENERATED_DIR);
      await buildHostileSite(HOSTILE_DIR);
      await runBuild([...vaultSiteArgs, '--out', TWIN_SITE_DIR], TWIN_GENERATED_DIR);
    })(),
  ]);
  provide('siteDir', TEST_SITE_DIR);
  provide('generatedDir', TEST_GENERATED_DIR);
  provide('siteBase', TEST_BASE);
  provide('vaultSiteDir', VAULT_TEST_SITE_DIR);
  provide('vaultSiteBase', VAULT_TEST_BASE);
  provide('vaultGeneratedDir', VAULT_TEST_GENERATED_DIR);
}

/** Waits for every build, even when one fails, so that none goes on writing after the test run ends. */
async function allFinished(builds: Promise<void>[]): Promise<void> {
  const failed = (await Promise.allSettled(builds)).find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteBase: string;
    /** Where the build wrote the collections it was made from. */
    generatedDir: string;
    vaultSiteDir: string;
    vaultSiteBase: string;
    vaultGeneratedDir: string;
  }
}
