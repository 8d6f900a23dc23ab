import { rename, rm } from 'node:fs/promises';

/**
 * Puts the finished folder `fresh` in place of `target` with two renames, so that readers see
 * either the old folder or the new one, never a half-written one.
 */
export async function swapFolder(fresh: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  await rename(target, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(fresh, target);
  await rm(old, { recursive: true, force: true });
}
