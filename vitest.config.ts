import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The sites and imports every suite reads are built once, before any test (tests/global-setup.ts).
    globalSetup: ['tests/global-setup.ts'],
    // Vitest's default on a 2-core machine is one worker; browser tests wait on Chromium, so more overlap.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Pages render slowly on a busy machine: what a browser test waits for may take seconds.
    expect: { poll: { timeout: 15_000 } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'] } },
    ],
  },
});
