/**
 * The import pipeline. The bundles are grouped by release; each release goes load → merge → link →
 * normalize on its own (an object is merged by STIX id within one release only), then the vault and
 * the detection content (Sigma rules, Atomic Red Team tests) are read and linked against the latest
 * release, and everything is emitted.
 */
import type { AttackObject } from '../model/attack.ts';
import { compareReleases, type Collections, type ReleaseCollections } from '../model/collections.ts';
import { emitCollections } from './emit/collections.ts';
import { createMarkdownRenderer } from './render/markdown.ts';
import { importDetections, type DetectionInputs } from './detections/import.ts';
import { ImportError, ImportReport } from './report.ts';
import { loadBundle, type Bundle } from './sources/bundles.ts';
import { checkCitations } from './stages/citations.ts';
import { attackIdsByStixId, buildIndex, type AttackIndex } from './stages/link.ts';
import { mergeBundles } from './stages/merge.ts';
import { normalize } from './stages/normalize.ts';
import { importVault, type VaultImport } from './vault/import.ts';

export interface ImportOptions extends DetectionInputs {
  bundles: string[];
  release?: string;
  /** The notes vault; none is read when absent. */
  vault?: string;
  strict?: boolean;
  /** Where to write (`<generatedDir>/collections/`); nothing is written when absent. */
  generatedDir?: string;
}

/** One loaded release: its number and collections. */
export interface ReleaseImport {
  release: string;
  collections: ReleaseCollections;
}

export interface ImportResult {
  /** Every loaded release, oldest first; the last is the live one. */
  releases: ReleaseImport[];
  /** What the live site shows: the latest release with the vault. */
  collections: Collections;
  report: ImportReport;
}

/** A release as the stages left it: its collections and the index the vault links against. */
interface LinkedRelease extends ReleaseImport {
  index: AttackIndex;
  markdown: ReturnType<typeof createMarkdownRenderer>;
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const report = new ImportReport();
  const bundles: Bundle[] = [];
  for (const source of options.bundles) bundles.push(await loadBundle(source, { release: options.release }, report));
  const groups = byRelease(bundles, report);
  const attackIds = attackIdsByStixId(bundles);
  bundles.length = 0;
  // Each release's raw bundles are let go once imported, and older releases keep only their
  // collections (the vault links against the latest alone), so memory holds one release's work.
  const releases: ReleaseImport[] = [];
  let latest: LinkedRelease | undefined;
  // The latest release's bundles are kept as read: the site offers its objects and spreadsheets in STIX.
  let latestBundles: Bundle[] = [];
  for (let group = groups.shift(); group; group = groups.shift()) {
    latest = importRelease(...group, attackIds, report);
    releases.push({ release: latest.release, collections: latest.collections });
    latestBundles = group[1];
  }
  if (!latest) throw new ImportError([{ message: 'no bundle to import' }]);
  const vault = options.vault ? await readVault(options.vault, latest, report) : undefined;
  const detections = await importDetections(options, { objects: attackObjects(latest.collections), release: latest.release }, report);
  const vaultCollections = { notes: vault?.notes ?? [], vaultfiles: vault?.vaultfiles ?? [] };
  const collections: Collections = { ...latest.collections, ...vaultCollections, ...detections };
  if (options.strict && report.recoverableProblems().length > 0) throw new ImportError(report.recoverableProblems());
  if (options.generatedDir) {
    const emitted = { releases, vault: vaultCollections, detections, assets: vault?.assets ?? [], stix: latestBundles };
    await emitCollections(emitted, report, options.generatedDir);
  }
  return { releases, collections, report };
}

/** The bundles of each release, oldest release first; two bundles of one domain in one release are an error. */
function byRelease(bundles: Bundle[], report: ImportReport): [string, Bundle[]][] {
  const groups = [...Map.groupBy(bundles, (bundle) => bundle.release)].sort(([a], [b]) => compareReleases(a, b));
  for (const [release, ofRelease] of groups) {
    for (const [domain, twins] of Map.groupBy(ofRelease, (bundle) => bundle.domain)) {
      if (twins.length > 1) {
        report.error(
          { source: twins[1]!.source },
          `holds ${domain} ${release}, as ${twins[0]!.source} does: load one bundle per domain and release`,
        );
      }
    }
  }
  report.throwIfErrors();
  return groups;
}

function importRelease(release: string, bundles: Bundle[], attackIds: ReadonlyMap<string, string>, report: ImportReport): LinkedRelease {
  const index = buildIndex(mergeBundles(bundles, report), report, attackIds);
  const markdown = createMarkdownRenderer((href) => index.resolveAttackUrl(href), { report });
  const collections: ReleaseCollections = {
    ...normalize(index, markdown, report),
    releases: bundles.map((bundle) => ({
      id: bundle.source,
      domain: bundle.domain,
      release: bundle.release,
      specVersion: bundle.specVersion,
      objectCount: bundle.objects.length,
      copyright: bundle.copyright,
    })),
  };
  checkCitations(collections, report, (id) => index.sourceOf(id));
  return { release, collections, index, markdown };
}

/** Every ATT&CK object of a release's collections. */
function attackObjects(collections: ReleaseCollections): AttackObject[] {
  const { relationships, releases, ...objectLists } = collections;
  return Object.values(objectLists).flat() as AttackObject[];
}

async function readVault(root: string, { collections, index, markdown }: LinkedRelease, report: ImportReport): Promise<VaultImport> {
  const objects = attackObjects(collections);
  const descriptionText = (object: AttackObject) => {
    const found = index.get(object.id);
    return found ? markdown.renderDescription(found.object.description, { source: found.source, objectId: object.id }).text : '';
  };
  return importVault(root, { objects, descriptionText }, report);
}
