/**
 * Builds the sites the site tests check, once: the full default site (three domains and the
 * example vault) under /wiki/, and Enterprise with the test vault (tests/fixtures/vault) under
 * /kb/. Both go to .test-output/, so a developer's own dist/ and .generated/ are left alone.
 */
import type { TestProject } from 'vitest/node';
import { runBuild } from '../helpers/build.ts';

export const TEST_BASE = '/wiki/';
/** The test site's address, for its sitemap. */
export const TEST_SITE_URL = 'https://kb.example.org/';
export const TEST_SITE_DIR = '.test-output/site';
const TEST_GENERATED_DIR = '.test-output/generated';
/** How the full test site is built (besides where it goes). */
export const TEST_SITE_ARGS = ['--base', TEST_BASE, '--site', TEST_SITE_URL];
export const VAULT_TEST_BASE = '/kb/';
export const VAULT_TEST_SITE_DIR = '.test-output/vault-site';
export const VAULT_TEST_GENERATED_DIR = '.test-output/vault-generated';

export default function buildSites({ provide }: TestProject) {
  runBuild([...TEST_SITE_ARGS, '--out', TEST_SITE_DIR], TEST_GENERATED_DIR, 'inherit');
  runBuild(
    ['--base', VAULT_TEST_BASE, '--out', VAULT_TEST_SITE_DIR, '--bundle', 'content/attack/enterprise-attack-18.1.json.br', '--vault', 'tests/fixtures/vault'],
    VAULT_TEST_GENERATED_DIR,
    'inherit',
  );
  provide('siteDir', TEST_SITE_DIR);
  provide('generatedDir', TEST_GENERATED_DIR);
  provide('siteBase', TEST_BASE);
  provide('vaultSiteDir', VAULT_TEST_SITE_DIR);
  provide('vaultSiteBase', VAULT_TEST_BASE);
  provide('vaultGeneratedDir', VAULT_TEST_GENERATED_DIR);
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
