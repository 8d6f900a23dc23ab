/** The import pipeline: load → merge → link → normalize → emit. */
import { join } from 'node:path';
import type { Collections } from '../../src/model/attack.ts';
import { emitCollections } from './emit.ts';
import { buildIndex } from './link.ts';
import { loadBundle } from './load.ts';
import { createMarkdownRenderer } from './markdown.ts';
import { mergeBundles } from './merge.ts';
import { normalize } from './normalize.ts';
import { ImportError, ImportReport } from './report.ts';
import { checkCitations } from './citations.ts';

export interface ImportOptions {
  bundles: string[];
  release?: string;
  strict?: boolean;
  /** Where to write; the collections go to `<generatedDir>/attack/`. Nothing is written if absent. */
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
  const markdown = createMarkdownRenderer((href) => index.resolveAttackUrl(href));
  const collections: Collections = {
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
  if (options.strict && report.warnings.length > 0) throw new ImportError(report.warnings);
  if (options.generatedDir) await emitCollections(collections, report, join(options.generatedDir, 'attack'));
  return { collections, report };
}
