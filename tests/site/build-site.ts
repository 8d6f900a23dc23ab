/**
 * Builds the sites the site tests check, once: the full default site (three domains and the
 * example vault) under /wiki/, and Enterprise with the test vault (tests/fixtures/vault) under
 * /kb/. Both go to .test-output/, so a developer's own dist/ and .generated/ are left alone.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

export const TEST_BASE = '/wiki/';
export const TEST_SITE_DIR = '.test-output/site';
export const VAULT_TEST_BASE = '/kb/';
export const VAULT_TEST_SITE_DIR = '.test-output/vault-site';
export const VAULT_TEST_GENERATED_DIR = '.test-output/vault-generated';

function build(args: string[], generatedDir: string): void {
  execFileSync(process.execPath, ['scripts/build.ts', ...args], {
    stdio: 'inherit',
    env: { ...process.env, KB_GENERATED_DIR: generatedDir },
  });
}

export default function buildSites({ provide }: TestProject) {
  build(['--base', TEST_BASE, '--out', TEST_SITE_DIR], '.test-output/generated');
  build(
    ['--base', VAULT_TEST_BASE, '--out', VAULT_TEST_SITE_DIR, '--bundle', 'content/attack/enterprise-attack-18.1.json.br', '--vault', 'tests/fixtures/vault'],
    VAULT_TEST_GENERATED_DIR,
  );
  provide('siteDir', TEST_SITE_DIR);
  provide('siteBase', TEST_BASE);
  provide('vaultSiteDir', VAULT_TEST_SITE_DIR);
  provide('vaultSiteBase', VAULT_TEST_BASE);
  provide('vaultGeneratedDir', VAULT_TEST_GENERATED_DIR);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteBase: string;
    vaultSiteDir: string;
    vaultSiteBase: string;
    vaultGeneratedDir: string;
  }
}
