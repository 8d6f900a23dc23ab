/** `npm run check:links` on the full three-domain build under the base path: nothing broken. */
import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

describe('npm run check:links on the full build', () => {
  it('finds every internal link, image, stylesheet and #anchor in place', () => {
    const result = spawnSync(
      process.execPath,
      ['scripts/check-links.ts', '--dist', inject('siteDir'), '--base', inject('siteBase')],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [, links, pages] = /checked (\d+) internal links on (\d+) pages .*: 0 broken/.exec(result.stdout) ?? [];
    expect(Number(pages)).toBeGreaterThan(3500);
    expect(Number(links)).toBeGreaterThan(300_000);
    // Reading some 19,000 pages takes a minute or more on a busy two-core machine.
  }, 240_000);
});
