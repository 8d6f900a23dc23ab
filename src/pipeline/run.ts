/**
 * The import pipeline. The bundles are grouped by release; each release goes load → merge → link →
 * normalize on its own (an object is merged by STIX id within one release only), the releases are
 * compared, then the vault and the detection content (Sigma rules, Atomic Red Team tests) are read
 * and linked against the latest release, and everything is emitted.
 *
 * With the cache of an earlier import (`npm run dev` keeps one), ATT&CK and the detection content
 * are not imported again while the bundles' bytes and the detection sources stay the same, and the
 * vault does again only what changed (vault/import.ts); then only the vault's collections are written.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { generatedLayout } from '../lib/generated.ts';
import { HistoryIndex } from '../lib/history.ts';
import type { AttackObject } from '../model/attack.ts';
import { compareReleases, type Collections, type DetectionCollections, type ReleaseCollections } from '../model/collections.ts';
import { emitCollections, emitVaultCollections } from './emit/collections.ts';
import { buildHistory, type History } from './stages/history.ts';
import { createMarkdownRenderer } from './render/markdown.ts';
import { importDetections, type DetectionInputs } from './detections/import.ts';
import { ImportError, ImportReport } from './report.ts';
import { isUrl, loadBundle, releaseFromName, type Bundle } from './sources/bundles.ts';
import { checkCitations } from './stages/citations.ts';
import { attackIdsByStixId, buildIndex } from './stages/link.ts';
import { mergeBundles } from './stages/merge.ts';
import { normalize } from './stages/normalize.ts';
import { createVaultCache, importVault, type VaultCache, type VaultImport } from './vault/import.ts';
import { attackTexts } from './vault/attack-texts.ts';

export interface ImportOptions extends DetectionInputs {
  bundles: string[];
  release?: string;
  /** Only these releases of the bundles; every release when absent. */
  releases?: string[];
  /** The notes vault; none is read when absent. */
  vault?: string;
  /** Globs of vault paths to leave out. */
  exclude?: string[];
  strict?: boolean;
  /** Where to write (`<generatedDir>/collections/`); nothing is written when absent. */
  generatedDir?: string;
  /** What an earlier import left (createImportCache): only what changed since is done again. */
  cache?: ImportCache;
  /** Told how far the import is (src/cli/progress.ts). */
  progress?: ImportProgress;
}

export interface ImportProgress {
  stage(name: string): void;
  count(what: string, done: number, total: number): void;
}

export interface ImportCache {
  attack?: { key: string } & Omit<AttackImport, 'latestBundles'>;
  vault: VaultCache;
}

export function createImportCache(): ImportCache {
  return { vault: createVaultCache() };
}

/** One loaded release: its number and collections. */
export interface ReleaseImport {
  release: string;
  collections: ReleaseCollections;
}

export interface ImportResult {
  /** Every loaded release, oldest first; the last is the live one. */
  releases: ReleaseImport[];
  /** What the live site shows: the latest release with the vault and the detection content. */
  collections: Collections;
  /** Every object's state in each release, and what changed between consecutive releases. */
  history: History;
  report: ImportReport;
  /** How many notes were rendered (the others came from the cache), and whether ATT&CK was imported again. */
  redone: { notes: number; releases: boolean };
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const report = new ImportReport();
  const cache = options.cache ?? createImportCache();
  const key = await attackKey(options);
  const reuse = cache.attack?.key === key && (!options.generatedDir || existsSync(generatedLayout(options.generatedDir).manifest));
  const fresh = reuse ? undefined : await importAttack(options);
  if (fresh) {
    const { latestBundles, ...kept } = fresh;
    cache.attack = { key, ...kept };
  }
  const { releases, history, detections, problems } = cache.attack!;
  report.absorb(problems);
  const latest = releases.at(-1)!;
  const vault = options.vault ? await readVault(options, key, releases, history, report) : undefined;
  const vaultCollections = { notes: vault?.notes ?? [], vaultfiles: vault?.vaultfiles ?? [] };
  const collections: Collections = { ...latest.collections, ...vaultCollections, ...detections };
  if (options.strict && report.recoverableProblems().length > 0) throw new ImportError(report.recoverableProblems());
  if (options.generatedDir) {
    options.progress?.stage('writing the collections');
    const shared = { ...vaultCollections, ...detections, history: history.objects, changes: history.changes };
    const emitted = { releases, shared, assets: vault?.assets ?? [], stix: fresh?.latestBundles ?? [] };
    await (fresh ? emitCollections : emitVaultCollections)(emitted, report, options.generatedDir);
  }
  return { releases, collections, history, report, redone: { notes: vault?.rendered ?? 0, releases: !reuse } };
}

/** ATT&CK and what is linked against it alone: every release, oldest first, their history and the detection content. */
interface AttackImport {
  releases: ReleaseImport[];
  history: History;
  detections: DetectionCollections;
  /** The latest release's bundles as read: the site offers its objects and spreadsheets in STIX. */
  latestBundles: Bundle[];
  /** What the import noticed. */
  problems: ImportReport;
}

async function importAttack(options: ImportOptions): Promise<AttackImport> {
  const problems = new ImportReport();
  const bundles: Bundle[] = [];
  for (const source of options.bundles) {
    if (!mayHold(source, options.releases)) continue;
    options.progress?.stage(`loading ${source}`);
    const bundle = await loadBundle(source, { release: options.release }, problems);
    if (!options.releases || options.releases.includes(bundle.release)) bundles.push(bundle);
  }
  checkReleasesFound(options, bundles);
  const groups = byRelease(bundles, problems);
  const attackIds = attackIdsByStixId(bundles);
  bundles.length = 0;
  // Older releases' raw bundles are let go once imported and keep only their collections (the
  // vault and the detection content link against the latest alone), so memory holds one release's work.
  const releases: ReleaseImport[] = [];
  let latestBundles: Bundle[] = [];
  for (let group = groups.shift(); group; group = groups.shift()) {
    options.progress?.stage(`importing ATT&CK ${group[0]}`);
    releases.push(importRelease(...group, attackIds, problems));
    latestBundles = group[1];
  }
  const latest = releases.at(-1);
  if (!latest) throw new ImportError([{ message: 'no bundle to import' }]);
  options.progress?.stage('comparing the releases');
  const history = buildHistory(releases);
  options.progress?.stage('reading the detection content');
  const detections = await importDetections(options, { objects: attackObjects(latest.collections), release: latest.release }, problems);
  return { releases, history, detections, latestBundles, problems };
}

/** Whether a bundle may hold one of the releases asked for: those whose file name says another are not even read. */
function mayHold(source: string, releases: string[] | undefined): boolean {
  const named = releaseFromName(source);
  return !releases || !named || releases.includes(named);
}

function checkReleasesFound({ releases, bundles: sources }: ImportOptions, bundles: Bundle[]): void {
  const missing = (releases ?? []).filter((release) => !bundles.some((bundle) => bundle.release === release));
  if (missing.length === 0) return;
  const held = [...new Set(sources.map((source) => releaseFromName(source) ?? source))].join(', ');
  throw new ImportError([{ message: `no bundle of release ${missing.join(', ')} among the bundles (${held})` }]);
}

/** What names the input of importAttack: the bytes of each bundle file (a URL by itself), the release asked for and the detection sources. */
async function attackKey(options: ImportOptions): Promise<string> {
  const hash = createHash('sha1').update(`${options.release ?? ''}\0${options.releases?.join(',') ?? ''}\0${options.sigma ?? ''}\0${options.atomics ?? ''}`);
  for (const source of options.bundles) {
    hash.update(`\0${source}\0`);
    if (!isUrl(source)) hash.update(await readFile(source).catch(() => Buffer.from('unreadable')));
  }
  return hash.digest('hex');
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

function importRelease(release: string, bundles: Bundle[], attackIds: ReadonlyMap<string, string>, report: ImportReport): ReleaseImport {
  const index = buildIndex(mergeBundles(bundles, report), report, attackIds);
  const objectById = (attackId: string) => {
    const found = index.byAttackId(attackId);
    return found && { name: found.object.name, path: found.path };
  };
  const markdown = createMarkdownRenderer((href) => index.resolveAttackUrl(href), { report, objectById });
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
  return { release, collections };
}

/** The vault, linked against the latest release; what notes copy from ATT&CK is looked up in every release. */
async function readVault(options: ImportOptions, key: string, releases: ReleaseImport[], history: History, report: ImportReport): Promise<VaultImport> {
  const attack = {
    objects: attackObjects(releases.at(-1)!.collections),
    texts: attackTexts(releases.map((release) => release.collections)),
    key,
    history: new HistoryIndex(history.objects, history.changes, releases.map(({ release }) => release)),
  };
  return importVault(options.vault!, attack, report, { exclude: options.exclude, cache: options.cache?.vault, progress: options.progress });
}

/** Every ATT&CK object of a release's collections. */
function attackObjects(collections: ReleaseCollections): AttackObject[] {
  const { relationships, releases, ...objectLists } = collections;
  return Object.values(objectLists).flat() as AttackObject[];
}
