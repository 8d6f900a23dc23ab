/**
 * Builds a site from every hostile input, the way a user would (`npm run build -- --bundle ...
 * --vault ... --sigma ... --atomics ...`), into a folder of its own: the hostile STIX bundle, the
 * hostile notes vault, and the hostile Sigma rules and Atomic tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runBuild } from '../helpers/build.ts';
import { writeHostileDetections } from './hostile-detections.ts';
import { hostileStixBundle } from './hostile-stix.ts';
import { writeHostileVault } from './hostile-vault.ts';

export const HOSTILE_BASE = '/wiki/';

/** Builds into `<dir>/site` and returns that folder. */
export async function buildHostileSite(dir: string): Promise<string> {
  const inputs = join(dir, 'inputs');
  await mkdir(inputs, { recursive: true });
  const bundle = join(inputs, 'enterprise-attack-hostile.json');
  await writeFile(bundle, JSON.stringify(hostileStixBundle()));
  const vault = join(inputs, 'vault');
  await writeHostileVault(vault);
  const { sigma, atomics } = await writeHostileDetections(inputs);
  const siteDir = join(dir, 'site');
  // The output is kept back (the hostile citations make many warnings); a failure shows it.
  const args = ['--bundle', bundle, '--vault', vault, '--sigma', sigma, '--atomics', atomics, '--base', HOSTILE_BASE, '--out', siteDir];
  await runBuild(args, join(dir, 'generated'));
  return siteDir;
}
