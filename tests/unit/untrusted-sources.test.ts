/**
 * Sources that misbehave: a server that stalls or never answers, a base path or site address
 * that would write markup into pages, and requests that try to climb out of the served folder.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/pipeline/sources/bundles.ts';
import { ImportReport } from '../../src/pipeline/report.ts';
import { normalizeBase, parseOptions, UsageError } from '../../src/cli/options.ts';
import { serveStatic, type RunningServer } from '../../src/tools/static-server.ts';
import { HEADER_POLICY } from '../../src/lib/content-security-policy.ts';
import { tempDir } from '../helpers/stix.ts';

describe('downloading a bundle', () => {
  let server: Server;
  let origin: string;
  const limits = { headers: 300, idle: 300, total: 1500 };

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/stalls') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"type": "bundle", "objects": [');
      } else if (request.url === '/trickles') {
        response.writeHead(200);
        const timer = setInterval(() => response.write(' '), 100);
        response.on('close', () => clearInterval(timer));
      } else if (request.url !== '/silent') {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each([
    ['/silent', /no response within 0\.3 s/],
    ['/stalls', /nothing received for 0\.3 s/],
    ['/trickles', /not done within 1\.5 s/],
    ['/missing', /HTTP 404 Not Found/],
  ])('gives up on %s with a message naming the URL', async (path, reason) => {
    const url = `${origin}${path}`;
    const error = await loadBundle(url, { fetchLimits: limits }, new ImportReport()).catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(new RegExp(`^${url.replace(/[.]/g, '\\.')}: cannot fetch URL \\(${reason.source}\\)$`));
  });
});

describe('the base path and site address', () => {
  it.each(['"><img src=x onerror=alert(1)>', '/wiki/<script>/', '/a b/', '/../x/', "/it's/", '/wiki?x=1/'])('refuses %j', (base) => {
    expect(() => normalizeBase(base)).toThrow(UsageError);
  });

  it('accepts the usual spellings', () => {
    expect(normalizeBase('wiki')).toBe('/wiki/');
    expect(normalizeBase('/team/kb.v2/')).toBe('/team/kb.v2/');
    expect(normalizeBase('')).toBe('/');
  });

  it('refuses a site address that is not an http(s) URL', async () => {
    await expect(parseOptions(['--site', 'javascript:alert(1)', '--bundle', 'x.json'])).rejects.toThrow(UsageError);
    await expect(parseOptions(['--site', 'https://kb.example.org', '--bundle', 'x.json'])).resolves.toMatchObject({ site: 'https://kb.example.org/' });
  });
});

describe('the static server', () => {
  let dir: string;
  let site: RunningServer;

  beforeAll(async () => {
    dir = await tempDir();
    await mkdir(join(dir, 'site', 'techniques', 'T1059'), { recursive: true });
    await writeFile(join(dir, 'site', 'techniques', 'T1059', 'index.html'), '<!doctype html><title>T1059</title>');
    await writeFile(join(dir, 'secret.txt'), 'outside the site');
    site = await serveStatic(join(dir, 'site'), '/wiki/');
  });

  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves pages under the base path with the security headers', async () => {
    const response = await fetch(`${site.url}techniques/T1059/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(HEADER_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each(['techniques%2fT1059/', '..%2fsecret.txt', '%2e%2e/secret.txt', '..%5csecret.txt', 'techniques/T1059/%00', '%E0%A4%A'])(
    'answers %s with a plain 404',
    async (path) => {
      const response = await fetch(`${site.url}${path}`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('Not found');
    },
  );
});
