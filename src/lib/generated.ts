/**
 * The generated folder: what the importer writes and the site reads. `collections/` holds the
 * manifest, the import report, the vault's collections and the files notes embed, and under
 * `releases/<release>/` each release's collections. It is replaced as a whole on every import.
 */
import { join } from 'node:path';

/** Where the importer writes unless told otherwise (`--generated`). */
export const DEFAULT_GENERATED_DIR = '.generated';

export function generatedLayout(generatedDir: string) {
  const collections = join(generatedDir, 'collections');
  return {
    collections,
    manifest: join(collections, 'manifest.json'),
    report: join(collections, 'import-report.json'),
    /** The files notes embed, by their vault path. */
    files: join(collections, 'files'),
    vaultCollection: (name: string) => join(collections, `${name}.json`),
    releaseCollection: (release: string, name: string) => join(collections, 'releases', release, `${name}.json`),
  };
}

export type GeneratedLayout = ReturnType<typeof generatedLayout>;
