/**
 * Builds a site from every hostile input, the way a user would (`npm run build -- --bundle ...`),
 * into a folder of its own. Notes and other inputs join here: write them next to the bundle and
 * pass them to the build.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBuild } from '../helpers/build.ts';
import { hostileStixBundle } from './hostile-stix.ts';

export const HOSTILE_BASE = '/wiki/';

/** Builds into `<dir>/site` and returns that folder. */
export async function buildHostileSite(dir: string): Promise<string> {
  const inputs = join(dir, 'inputs');
  await mkdir(inputs, { recursive: true });
  const bundle = join(inputs, 'enterprise-attack-hostile.json');
  await writeFile(bundle, JSON.stringify(hostileStixBundle()));
  const siteDir = join(dir, 'site');
  // The output is kept back (the hostile citations make many warnings); a failure shows it.
  runBuild(['--bundle', bundle, '--base', HOSTILE_BASE, '--out', siteDir], join(dir, 'generated'));
  return siteDir;
}
