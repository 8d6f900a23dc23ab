/**
 * The vendored ATT&CK data as the global setup's full build imported it (tests/test-sites.ts):
 * the unit tests read these collections instead of importing the bundles again.
 */
import { generatedReader } from '../../src/lib/generated.ts';
import { Detections } from '../../src/lib/detections.ts';
import { AttackGraph } from '../../src/lib/graph.ts';
import { HistoryIndex } from '../../src/lib/history.ts';
import type { ReleaseCollections } from '../../src/model/collections.ts';
import { TEST_GENERATED_DIR } from '../test-sites.ts';

/** The collections of the latest vendored release (ATT&CK 18.1, the three domains). */
export async function vendoredCollections(): Promise<ReleaseCollections> {
  const reader = generatedReader(TEST_GENERATED_DIR);
  const latest = (await reader.manifest()).releases.at(-1);
  if (!latest) throw new Error(`${TEST_GENERATED_DIR} holds no release`);
  return reader.release(latest.release);
}

/** Every vendored release's collections, oldest first. */
export async function vendoredReleases(): Promise<{ release: string; collections: ReleaseCollections }[]> {
  const reader = generatedReader(TEST_GENERATED_DIR);
  const { releases } = await reader.manifest();
  return Promise.all(releases.map(async ({ release }) => ({ release, collections: await reader.release(release) })));
}

/** What the import found changed between the vendored releases. */
export async function vendoredHistory(): Promise<HistoryIndex> {
  const reader = generatedReader(TEST_GENERATED_DIR);
  const { releases } = await reader.manifest();
  const { history, changes } = await reader.history();
  return new HistoryIndex(history, changes, releases.map((entry) => entry.release));
}

export async function vendoredGraph(): Promise<AttackGraph> {
  return new AttackGraph(await vendoredCollections());
}

/** The vendored Sigma rules and Atomic Red Team tests as that import linked them against the latest release. */
export async function vendoredDetections(): Promise<Detections> {
  return new Detections(await generatedReader(TEST_GENERATED_DIR).detections());
}
