/**
 * The site's Astro integration and configuration. The integration runs the import when Astro sets
 * up (for a build or the dev server), tells the site's code where the collections are through the
 * virtual module `virtual:kb/config`, and when the pages are built writes each object's JSON beside
 * its page (src/exports/object-json.ts) and indexes the site with Pagefind. In the dev server it
 * imports again whenever the vault or a bundle changes, and serves the vault's files and a search
 * index (src/integrations/live-import.ts). `astroConfig()` is the whole Astro configuration for a
 * set of options: `npm run build` passes it to Astro, and astro.config.mjs uses it with the defaults.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import type { Options } from '../cli/options.ts';
import { href, paths, type SitePath } from '../lib/paths.ts';
import { objectsOf, type Collections } from '../model/collections.ts';
import { OBJECT_PAGE_KINDS } from '../model/kinds.ts';
import { writeLinkPreviews } from '../exports/link-previews.ts';
import { writeObjectJson } from '../exports/object-json.ts';
import { indexSite } from '../pipeline/emit/search-index.ts';
import { writeNameIndex, type NameIndexStats } from '../pipeline/emit/search-names.ts';
import type { ImportProgress, ImportResult } from '../pipeline/run.ts';
import { LiveImport } from './live-import.ts';

export interface KbOptions extends Omit<Options, 'outDir'> {
  /** Told how far the import is. */
  progress?: ImportProgress;
  /** Told when the import is done (the command-line scripts print a summary). */
  onImported?(result: ImportResult, milliseconds: number): void;
  /** Told when Astro has written the pages. */
  onBuilt?(pages: number): void;
  /** Told when the search index is written. */
  onIndexed?(pages: number, milliseconds: number): void;
  /** Told when the name index, the search index's companion, is written. */
  onNamesIndexed?(stats: NameIndexStats, milliseconds: number): void;
}

const VIRTUAL_MODULE = 'virtual:kb/config';

/** The Astro configuration of a site built with these options. */
export function astroConfig(options: KbOptions): AstroUserConfig {
  // Pages that only send the reader elsewhere (revoked objects) stay out of the sitemap.
  const noindex = new Set<string>();
  return {
    base: options.base,
    site: options.site,
    trailingSlash: 'always',
    prerenderConflictBehavior: 'error',
    integrations: [
      kb(options, noindex),
      // Without the site's address there is nothing absolute to list, so no sitemap.
      ...(options.site ? [sitemap({ filter: (page) => indexable(new URL(page).pathname, options.base, noindex) })] : []),
    ],
    // Stylesheets and scripts as files of the site, never inline: the policy (Layout.astro) allows only those.
    build: { inlineStylesheets: 'never' },
    vite: { build: { assetsInlineLimit: 0 } },
  };
}

function kb(options: KbOptions, noindex: Set<string>): AstroIntegration {
  const generatedDir = resolve(options.generatedDir);
  const imports = new LiveImport({
    ...options,
    generatedDir,
    onImported: (result, milliseconds) => {
      noindex.clear();
      for (const path of redirectPages(result.collections)) noindex.add(href(options.base, path));
      options.onImported?.(result, milliseconds);
    },
  });
  return {
    name: 'attack-kb',
    hooks: {
      'astro:config:setup': async ({ command, updateConfig }) => {
        if (command === 'build' || command === 'dev') await imports.run();
        updateConfig({ vite: { plugins: [configModule(generatedDir)] } });
      },
      'astro:server:setup': ({ server }) => imports.serve(server),
      'astro:build:done': async ({ dir, pages }) => {
        options.onBuilt?.(pages.length);
        await writeObjectJson(generatedDir, fileURLToPath(dir));
        await writeLinkPreviews(generatedDir, fileURLToPath(dir));
        const started = performance.now();
        const indexed = await indexSite(fileURLToPath(dir));
        options.onIndexed?.(indexed, performance.now() - started);
        const namesStarted = performance.now();
        const names = await writeNameIndex(fileURLToPath(dir), generatedDir);
        options.onNamesIndexed?.(names, performance.now() - namesStarted);
      },
    },
  };
}

/** Pages for search engines: not the redirects of revoked objects, nor the frozen releases. */
function indexable(pathname: string, base: string, noindex: Set<string>): boolean {
  return !noindex.has(pathname) && !pathname.startsWith(href(base, paths.versions()));
}

/** The pages of revoked objects, which redirect to their replacement. */
function redirectPages(collections: Collections): SitePath[] {
  return OBJECT_PAGE_KINDS.flatMap((kind) => objectsOf(collections, kind).filter((object) => object.status === 'revoked').map((object) => object.path));
}

/** `virtual:kb/config`: the settings the site's own code reads (src/env.d.ts). */
function configModule(generatedDir: string) {
  const resolved = `\0${VIRTUAL_MODULE}`;
  return {
    name: 'attack-kb-config',
    resolveId: (id: string) => (id === VIRTUAL_MODULE ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export const generatedDir = ${JSON.stringify(generatedDir)};` : undefined),
  };
}
