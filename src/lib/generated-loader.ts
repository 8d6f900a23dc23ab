import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { CollectionName } from '../model/collections.ts';

/** Where the import script writes collections and the site reads them. */
export const GENERATED_DIR = process.env.KB_GENERATED_DIR ?? '.generated';

/** The collections' folder inside a generated folder; vault files are in its `files/`. */
export function collectionsFolder(generatedDir: string): string {
  return join(generatedDir, 'collections');
}

/**
 * Loads a collection written by the import script. Unlike Astro's file() loader, a missing file
 * stops the build instead of giving an empty site.
 */
export function generatedCollection(name: CollectionName | 'manifest'): Loader {
  const file = join(collectionsFolder(GENERATED_DIR), `${name}.json`);
  return {
    name: 'attack-kb-generated',
    load: async ({ store, parseData, generateDigest, meta }) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        throw new Error(`${file} is missing: run \`npm run import\` (or \`npm run build\`) first`);
      }
      const digest = generateDigest(text);
      if (meta.get('digest') === digest && store.keys().length > 0) return;
      store.clear();
      for (const entry of JSON.parse(text) as { id: string }[]) {
        store.set({ id: entry.id, data: await parseData({ id: entry.id, data: entry }) });
      }
      meta.set('digest', digest);
    },
  };
}
