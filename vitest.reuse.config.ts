/**
 * For working on tests: runs the named test files against the sites the last full `npm test` left
 * in .test-output/, without building them again (`npx vitest run -c vitest.reuse.config.ts
 * tests/site/vault.test.ts`). Stale when the code changed since; `npm test` is the real run.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';
import { TEST_BASE, TEST_GENERATED_DIR, TEST_SITE_DIR, VAULT_TEST_BASE, VAULT_TEST_GENERATED_DIR, VAULT_TEST_SITE_DIR } from './tests/test-sites.ts';

const reused = mergeConfig(base, defineConfig({}));
reused.test!.globalSetup = [];
reused.test!.provide = {
  siteDir: TEST_SITE_DIR,
  siteBase: TEST_BASE,
  generatedDir: TEST_GENERATED_DIR,
  vaultSiteDir: VAULT_TEST_SITE_DIR,
  vaultSiteBase: VAULT_TEST_BASE,
  vaultGeneratedDir: VAULT_TEST_GENERATED_DIR,
};
export default reused;
