/**
 * Builds the full site once for the site tests: all vendored ATT&CK data, under a base path,
 * into .test-output/ (so a developer's own dist/ and .generated/ are left alone).
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

export const TEST_BASE = '/wiki/';
export const TEST_SITE_DIR = '.test-output/site';

export default function buildSite({ provide }: TestProject) {
  execFileSync(process.execPath, ['scripts/build.ts', '--base', TEST_BASE, '--out', TEST_SITE_DIR], {
    stdio: 'inherit',
    env: { ...process.env, KB_GENERATED_DIR: '.test-output/generated' },
  });
  provide('siteDir', TEST_SITE_DIR);
  provide('siteBase', TEST_BASE);
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteBase: string;
  }
}
