/** The link checker on a small site with one link of each kind, good and broken. */
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/tools/links.ts';
import { tempDir } from '../helpers/stix.ts';

let dir: string;

const SITE: Record<string, string> = {
  'index.html': `<!doctype html><title>Home</title><link rel="stylesheet" href="/wiki/style.css">
    <a name="named"></a><h2 id="local">Local</h2>
    <a href="/wiki/a/">page</a> <a href="/wiki/a">page without its slash</a> <a href="a/#x">relative, with anchor</a>
    <a href="#local">local anchor</a> <a href="/wiki/#named">named anchor</a> <a href="#">top</a>
    <a href="https://example.com/">elsewhere</a> <a href="mailto:someone@example.com">mail</a>
    <a href="/wiki/a/#missing">missing anchor</a> <a href="#nowhere">missing local anchor</a>
    <a href="/wiki/missing/">missing page</a> <a href="/a/">outside the base path</a>
    <img src="/wiki/missing.png" alt=""> <a href="/wiki/style.css#x">anchor in a stylesheet</a>`,
  'a/index.html': `<!doctype html><title>A</title><p id="x">x</p><meta http-equiv="refresh" content="0; url=/wiki/gone/">
    <a href="../">up</a> <a href="../index.html#local">home, by file name</a>`,
  'style.css': 'body {}',
};

beforeAll(async () => {
  dir = await tempDir();
  for (const [file, content] of Object.entries(SITE)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), content);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkLinks', () => {
  it('finds exactly the broken links and anchors', () => {
    const report = checkLinks(dir, '/wiki/');
    expect(report.broken).toEqual([
      { page: 'a/index.html', link: '/wiki/gone/', reason: 'no such file' },
      { page: 'index.html', link: '/wiki/a/#missing', reason: 'no element with id "missing" on a/index.html' },
      { page: 'index.html', link: '#nowhere', reason: 'no element with id "nowhere" on index.html' },
      { page: 'index.html', link: '/wiki/missing/', reason: 'no such file' },
      { page: 'index.html', link: '/a/', reason: 'outside the base path /wiki/' },
      { page: 'index.html', link: '/wiki/missing.png', reason: 'no such file' },
      { page: 'index.html', link: '/wiki/style.css#x', reason: '#x on a file that is not a page' },
    ]);
    expect(report).toMatchObject({ pages: 2, internal: 16, external: 2 });
  });
});

describe('npm run check:links', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['scripts/check-links.ts', ...args], { encoding: 'utf8' });

  it('lists the broken links and exits with status 1', () => {
    const result = run(['--dist', dir, '--base', '/wiki/']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('index.html: /wiki/missing/: no such file\n');
    expect(result.stdout).toMatch(/checked 16 internal links on 2 pages .*: 7 broken; 2 links to other sites not followed/);
  });

  it('exits with status 2 on an unknown option', () => {
    const result = run(['--no-such-option']);
    expect(result.status).toBe(2);
  });
});
