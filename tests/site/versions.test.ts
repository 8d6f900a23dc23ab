/**
 * The releases of the full build (17.1, 18.0, 18.1): frozen pages stay in their release, live pages
 * carry permalinks that lead back to them, and every pair of releases has its changelog.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readTags } from '../../src/tools/html.ts';
import { readBuiltPages, type BuiltPage } from '../helpers/site-files.ts';

const siteDir = inject('siteDir');
const base = inject('siteBase');
const FROZEN = ['17.1', '18.0'];
let frozen: Map<string, BuiltPage[]>;

beforeAll(async () => {
  frozen = new Map(await Promise.all(FROZEN.map(async (release) => [release, await readBuiltPages(join(siteDir, 'versions', `v${release}`))] as const)));
});

const page = (path: string) => readFile(join(siteDir, path, 'index.html'), 'utf8');

describe('frozen releases', () => {
  it('have every object page, list and matrix of their release', () => {
    for (const release of FROZEN) {
      const files = new Set(frozen.get(release)!.map((built) => built.file));
      for (const file of ['index.html', 'techniques/T1059/001/index.html', 'techniques/enterprise/index.html', 'matrices/enterprise/index.html', 'groups/G0016/index.html']) {
        expect(files, `${release} ${file}`).toContain(file);
      }
    }
    expect(frozen.get('18.0')!.some((built) => built.file === 'detectionstrategies/DET0001/index.html')).toBe(true);
    expect(frozen.get('17.1')!.some((built) => built.file.startsWith('detectionstrategies/DET'))).toBe(false);
  });

  it('link only inside their release, but for links that say they leave it', () => {
    for (const release of FROZEN) {
      const inside = `${base}versions/v${release}/`;
      const leaks = frozen.get(release)!.flatMap((built) =>
        readTags(built.html)
          .filter((tag) => tag.name === 'a' && tag.attributes.href?.startsWith('/') && !tag.attributes.href.startsWith(inside) && !('data-leaves-release' in tag.attributes))
          .map((tag) => `${built.file}: ${tag.attributes.href}`),
      );
      expect(leaks.slice(0, 10), release).toEqual([]);
    }
  });

  it('are kept out of search and of search engines, and name their release', () => {
    for (const release of FROZEN) {
      for (const built of frozen.get(release)!) {
        if (built.html.includes('http-equiv="refresh"')) continue;
        expect(built.html, built.file).toContain('<meta name="robots" content="noindex">');
        expect(built.html, built.file).not.toContain('data-pagefind-body');
        expect(built.html, built.file).toContain(`(ATT&amp;CK ${release}) |`);
      }
    }
  });

  it('show the release’s own data and lead to the live page', async () => {
    const old = await page('versions/v17.1/techniques/T1552/003');
    expect(old).toContain('Bash History');
    expect(old).toContain(`href="${base}techniques/T1552/003/" data-leaves-release`);
    const revoked = await page('versions/v17.1/techniques/T1574/002');
    expect(revoked).toContain(`url=${base}versions/v17.1/techniques/T1574/001/`);
  });
});

describe('live permalinks', () => {
  it('are on every live object page and lead back to it until a newer release freezes them', async () => {
    const live = await page('techniques/T1059/001');
    expect(live).toContain(`<code>${base}versions/v18.1/techniques/T1059/001/</code>`);
    const permalink = await page('versions/v18.1/techniques/T1059/001');
    expect(permalink).toContain(`<meta http-equiv="refresh" content="0; url=${base}techniques/T1059/001/">`);
    expect(existsSync(join(siteDir, 'versions/v18.1/matrices/enterprise/index.html'))).toBe(true);
  });
});

describe('changes between releases', () => {
  it('have a changelog per pair with its downloads, and a page per changed object', async () => {
    for (const pair of ['v17.1-v18.0', 'v18.0-v18.1']) {
      const changelog = await page(`changes/${pair}`);
      expect(changelog).toContain(`href="${base}changes/${pair}/changelog.json"`);
      for (const domain of ['enterprise', 'mobile', 'ics']) expect(existsSync(join(siteDir, 'changes', pair, `layer-${domain}.json`)), domain).toBe(true);
    }
    const json = JSON.parse(await readFile(join(siteDir, 'changes/v17.1-v18.0/changelog.json'), 'utf8'));
    expect(json['enterprise-attack'].techniques.major_version_changes.map((entry: { attack_id: string }) => entry.attack_id)).toContain('T1082');
    const diff = await page('changes/v17.1-v18.0/techniques/T1082');
    expect(diff).toContain('Major version change, version 2.6 → 3.0.');
  });
});
