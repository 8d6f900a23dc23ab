/**
 * Serves a built site from a folder under its base path, the way a static host would: for the
 * browser tests, the benchmark and screenshots. Directory URLs get their index.html.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface RunningServer {
  /** e.g. `http://127.0.0.1:41234/wiki/` */
  url: string;
  close(): Promise<void>;
}

/** `onSend` hears of every file served with its size (the benchmark counts bytes with it). */
export async function serveStatic(root: string, base = '/', onSend?: (file: string, bytes: number) => void): Promise<RunningServer> {
  const server = createServer(async (request, response) => {
    const found = await resolveFile(root, base, new URL(request.url ?? '/', 'http://localhost').pathname);
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    onSend?.(found.file, found.size);
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(found.file)] ?? 'application/octet-stream' });
    createReadStream(found.file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, close: () => closeServer(server) };
}

async function resolveFile(root: string, base: string, pathname: string): Promise<{ file: string; size: number } | undefined> {
  if (!pathname.startsWith(base)) return undefined;
  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const candidate = normalize(join(root, relative));
  if (candidate !== normalize(root) && !candidate.startsWith(normalize(root) + sep)) return undefined;
  for (const file of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return { file, size: info.size };
  }
  return undefined;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
