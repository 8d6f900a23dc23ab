/**
 * Serves a built site from a folder under its base path, the way a static host should: with the
 * security headers of SECURITY_HEADERS, a content type for every file from its extension, and
 * directory URLs answered by their index.html, and any other address by the site's 404 page (with
 * status 404), as hosts do. For `npm run preview`, the browser tests, the benchmark and screenshots. Files are served by sirv, which knows the site's files from the start
 * and so never looks outside the folder, whatever the URL holds.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import { FILE_SECURITY_HEADERS, SECURITY_HEADERS } from '../lib/content-security-policy.ts';
import { paths } from '../lib/paths.ts';

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234/wiki/` */
  url: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Told of every file served with its size (the benchmark counts bytes with it). */
  onSend?: (file: string, bytes: number) => void;
  /** Defaults to any free port. */
  port?: number;
}

export async function serveStatic(root: string, base = '/', { onSend, port = 0 }: ServeOptions = {}): Promise<RunningServer> {
  const files = sirv(root, {
    dev: false,
    etag: false,
    setHeaders: (response, pathname, stats) => {
      const headers = pathname.startsWith(paths.files()) ? FILE_SECURITY_HEADERS : SECURITY_HEADERS;
      for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
      // Pagefind's index files have extensions of their own; every file gets a type.
      const name = pathname.split('/').at(-1)!;
      if (name.includes('.') && !lookup(name)) response.setHeader('Content-Type', 'application/octet-stream');
      onSend?.(join(root, pathname), stats.size);
    },
  });
  // Read once: a site built without one answers with plain text.
  const notFoundPage = await readFile(join(root, NOT_FOUND_PAGE)).catch(() => undefined);
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    if (!url.startsWith(base)) return notFound(response, notFoundPage);
    request.url = url.slice(base.length - 1);
    files(request, response, () => notFound(response, notFoundPage));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${address.port}${base}`, close: () => closeServer(server) };
}

/** The page Astro writes from src/pages/404.astro, which hosts serve for addresses the site does not have. */
const NOT_FOUND_PAGE = '404.html';

function notFound(response: ServerResponse, page: Buffer | undefined): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (page) response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  else response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
