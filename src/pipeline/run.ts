/** The import pipeline: ATT&CK bundles (load → merge → link → normalize), then the vault, then emit. */
import type { AttackObject } from '../model/attack.ts';
import type { Collections } from '../model/collections.ts';
import { checkCitations } from './stages/citations.ts';
import { emitCollections } from './emit/collections.ts';
import { buildIndex, type AttackIndex } from './stages/link.ts';
import { loadBundle } from './sources/bundles.ts';
import { createMarkdownRenderer } from './render/markdown.ts';
import { mergeBundles } from './stages/merge.ts';
import { normalize, type ObjectCollections } from './stages/normalize.ts';
import { ImportError, ImportReport } from './report.ts';
import { importVault, type VaultImport } from './vault/import.ts';

export interface ImportOptions {
  bundles: string[];
  release?: string;
  /** The notes vault; none is read when absent. */
  vault?: string;
  strict?: boolean;
  /** Where to write (`<generatedDir>/collections/`); nothing is written when absent. */
  generatedDir?: string;
}

export interface ImportResult {
  collections: Collections;
  report: ImportReport;
}

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const report = new ImportReport();
  const bundles = [];
  for (const source of options.bundles) {
    bundles.push(await loadBundle(source, { release: options.release }, report));
  }
  const index = buildIndex(mergeBundles(bundles, report), report);
  const markdown = createMarkdownRenderer((href) => index.resolveAttackUrl(href), { report });
  const attack = normalize(index, markdown, report);
  const vault = options.vault ? await readVault(options.vault, attack, index, markdown, report) : undefined;
  const collections: Collections = {
    ...attack,
    releases: bundles.map((bundle) => ({
      id: bundle.source,
      domain: bundle.domain,
      release: bundle.release,
      specVersion: bundle.specVersion,
      objectCount: bundle.objects.length,
      copyright: bundle.copyright,
    })),
    notes: vault?.notes ?? [],
    vaultfiles: vault?.vaultfiles ?? [],
  };
  checkCitations(collections, report, (id) => index.sourceOf(id));
  if (options.strict && report.recoverableProblems().length > 0) throw new ImportError(report.recoverableProblems());
  if (options.generatedDir) await emitCollections(collections, vault?.assets ?? [], report, options.generatedDir);
  return { collections, report };
}

async function readVault(
  root: string,
  attack: ObjectCollections,
  index: AttackIndex,
  markdown: ReturnType<typeof createMarkdownRenderer>,
  report: ImportReport,
): Promise<VaultImport> {
  const { relationships, ...objectLists } = attack;
  const objects = Object.values(objectLists).flat() as AttackObject[];
  const descriptionText = (object: AttackObject) => {
    const found = index.get(object.id);
    return found ? markdown.renderDescription(found.object.description, { source: found.source, objectId: object.id }).text : '';
  };
  return importVault(root, { objects, descriptionText }, report);
}
