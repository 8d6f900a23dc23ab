/** The pages of a built site, read from its folder. */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';

export interface BuiltPage {
  /** Path relative to the site folder, with forward slashes: `techniques/T1059/index.html`. */
  file: string;
  /** Path relative to the base path, as a browser asks for it: `techniques/T1059/`. */
  path: string;
  html: string;
}

/** The live pages: not the older releases' frozen pages and the live release's permalinks under versions/. */
export const LIVE_PAGES = (file: string) => !file.startsWith('versions/');

export async function readBuiltPages(siteDir: string, which: (file: string) => boolean = () => true): Promise<BuiltPage[]> {
  const files = (await readdir(siteDir, { recursive: true }))
    .map((file) => file.split(sep).join('/'))
    .filter((file) => file.endsWith('.html') && which(file))
    .sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      path: file.replace(/(^|\/)index\.html$/, '$1'),
      html: await readFile(join(siteDir, file), 'utf8'),
    })),
  );
}
