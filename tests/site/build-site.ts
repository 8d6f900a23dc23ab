/**
 * Builds the full site once for the site tests: all vendored ATT&CK data, under a base path,
 * into .test-output/ (so a developer's own dist/ and .generated/ are left alone).
 */
import type { TestProject } from 'vitest/node';
import { runBuild } from '../helpers/build.ts';

export const TEST_BASE = '/wiki/';
export const TEST_SITE_DIR = '.test-output/site';
const TEST_GENERATED_DIR = '.test-output/generated';

export default function buildSite({ provide }: TestProject) {
  runBuild(['--base', TEST_BASE, '--out', TEST_SITE_DIR], TEST_GENERATED_DIR, 'inherit');
  provide('siteDir', TEST_SITE_DIR);
  provide('generatedDir', TEST_GENERATED_DIR);
  provide('siteBase', TEST_BASE);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteBase: string;
    /** Where the build wrote the collections it was made from. */
    generatedDir: string;
  }
}
