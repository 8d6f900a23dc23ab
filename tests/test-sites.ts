/** Where the global setup (tests/global-setup.ts) builds the sites the tests read, and how. */
export const TEST_BASE = '/wiki/';
/** The test site's address, for its sitemap. */
export const TEST_SITE_URL = 'https://kb.example.org/';
export const TEST_SITE_DIR = '.test-output/site';
export const TEST_GENERATED_DIR = '.test-output/generated';
/** How the full test site is built (besides where it goes). */
export const TEST_SITE_ARGS = ['--base', TEST_BASE, '--site', TEST_SITE_URL];
export const TWIN_SITE_DIR = '.test-output/twin-site';
export const TWIN_GENERATED_DIR = '.test-output/twin-generated';
export const VAULT_TEST_BASE = '/kb/';
export const VAULT_TEST_SITE_DIR = '.test-output/vault-site';
export const VAULT_TEST_GENERATED_DIR = '.test-output/vault-generated';
export const HOSTILE_DIR = '.test-output/hostile';

