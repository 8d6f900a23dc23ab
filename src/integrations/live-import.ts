/**
 * The authoring loop of `npm run dev`: the vault and the bundle files are watched; when one
 * changes, the import runs again with the cache of the last one (only what changed is done
 * again: src/pipeline/run.ts), the dev server forgets the pages it knows, and open pages reload.
 * The dev server also serves what a build writes besides pages: the vault's files (`/files/...`)
 * and a search index made from the collections (`/pagefind/...`).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';
import { lookup } from 'mrmime';
import * as pagefind from 'pagefind';
import { FILE_SECURITY_HEADERS, SECURITY_HEADERS } from '../lib/content-security-policy.ts';
import { generatedLayout } from '../lib/generated.ts';
import { href, paths } from '../lib/paths.ts';
import { devSearchIndex } from '../pipeline/emit/dev-search-index.ts';
import { formatProblem, ImportError } from '../pipeline/report.ts';
import { isUrl } from '../pipeline/sources/bundles.ts';
import { createImportCache, runImport, type ImportOptions, type ImportResult } from '../pipeline/run.ts';

/** Edits that come together (a save that writes twice, a folder moved) make one import. */
const SETTLE_MS = 100;

export interface LiveImportOptions extends ImportOptions {
  base: string;
  generatedDir: string;
  /** Told when an import is done. */
  onImported?(result: ImportResult, milliseconds: number): void;
}

/** Runs imports, each with the cache of the last; the dev server attaches to it with `serve`. */
export class LiveImport {
  private readonly options: LiveImportOptions;
  private readonly cache = createImportCache();
  private latest: ImportResult | undefined;
  private search: Promise<Map<string, Uint8Array>> | undefined;

  constructor(options: LiveImportOptions) {
    this.options = { ...options, cache: this.cache };
  }

  async run(): Promise<ImportResult> {
    const started = performance.now();
    const result = await runImport(this.options);
    this.latest = result;
    this.search = undefined;
    this.options.onImported?.(result, performance.now() - started);
    return result;
  }

  /** Watches the inputs, serves the files and the search index, and reloads pages after each import. */
  serve(server: ViteDevServer): void {
    const inputs = [this.options.vault, ...this.options.bundles.filter((source) => !isUrl(source))].filter((path): path is string => !!path).map((path) => resolve(path));
    server.watcher.add(inputs);
    const generated = resolve(this.options.generatedDir);
    const isInput = (file: string) => !inside(generated, file) && inputs.some((input) => input === file || inside(input, file));
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> = Promise.resolve();
    server.watcher.on('all', (_event, file) => {
      if (!isInput(resolve(file))) return;
      clearTimeout(timer);
      timer = setTimeout(() => (running = running.then(() => this.reimport(server))), SETTLE_MS);
    });
    server.middlewares.use((request, response, next) => {
      const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
      const files = href(this.options.base, paths.files());
      const search = href(this.options.base, paths.searchIndex());
      if (path.startsWith(files)) void this.sendFile(path.slice(files.length), response).catch(next);
      else if (path.startsWith(search)) void this.sendSearchFile(path.slice(search.length), response).catch(next);
      else next();
    });
    server.httpServer?.once('close', () => void pagefind.close());
  }

  private async reimport(server: ViteDevServer): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      const problems = error instanceof ImportError ? error.problems.map(formatProblem) : [String(error)];
      server.config.logger.error(`The import failed; the site shows the last import.\n${problems.join('\n')}`);
      return;
    }
    // Astro keeps each route's pages (getStaticPaths) until told that content changed.
    for (const environment of Object.values(server.environments)) {
      if (environment.name !== 'client') environment.hot.send('astro:content-changed', {});
    }
    server.environments.client?.hot.send({ type: 'full-reload', path: '*' });
  }

  /** A vault file as the build publishes it, from the generated folder. */
  private async sendFile(path: string, response: ServerResponse): Promise<void> {
    const wanted = `${paths.files()}${path}`;
    const file = this.latest?.collections.vaultfiles.find((candidate) => candidate.path === wanted);
    if (!file) return notFound(response);
    const bytes = await readFile(join(generatedLayout(this.options.generatedDir).files, file.id));
    response.writeHead(200, { ...FILE_SECURITY_HEADERS, 'Content-Type': lookup(file.id) ?? 'application/octet-stream' }).end(bytes);
  }

  /** A file of the search index, made from the last import when first asked for. */
  private async sendSearchFile(path: string, response: ServerResponse): Promise<void> {
    if (!this.latest) return notFound(response);
    this.search ??= devSearchIndex(this.latest.collections, this.options.base, this.options.generatedDir);
    const bytes = (await this.search).get(path);
    if (!bytes) return notFound(response);
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': lookup(path) ?? 'application/octet-stream' }).end(bytes);
  }
}

function inside(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
}
