/**
 * `npm run vendor -- --sigma <dir> --atomics <dir>`: packs a Sigma rules folder and an Atomic Red
 * Team atomics folder into the files the build reads by default (content/sigma/sigma-rules.json.br,
 * content/atomic-red-team/atomics.json.br), with their licence notices beside them, so that a fresh
 * clone builds the example detection content with no network.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_ATOMICS, DEFAULT_SIGMA } from '../src/cli/options.ts';
import { isAtomicFileName } from '../src/pipeline/detections/atomics.ts';
import { ImportReport } from '../src/pipeline/report.ts';
import { packRuleSource, readRuleSource, type FileFilter } from '../src/pipeline/sources/rule-files.ts';

const { values } = parseArgs({ options: { sigma: { type: 'string' }, atomics: { type: 'string' } } });
if (!values.sigma && !values.atomics) {
  console.error('Usage: npm run vendor -- [--sigma <rules folder>] [--atomics <atomics folder>]');
  process.exit(2);
}

for (const [folder, target, accept] of [
  [values.sigma, DEFAULT_SIGMA, () => true],
  [values.atomics, DEFAULT_ATOMICS, isAtomicFileName],
] as [string | undefined, string, FileFilter][]) {
  if (!folder) continue;
  const report = new ImportReport();
  const packed = await packRuleSource(folder, accept, report);
  const { files, notices } = await readRuleSource(folder, accept, report);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, packed);
  for (const notice of notices) await writeFile(join(dirname(target), notice.name), notice.text);
  for (const warning of report.warnings) console.warn(`warning: ${warning.source}: ${warning.message}`);
  console.log(`packed ${files.length} files of ${folder} into ${target} (${(packed.length / 1024).toFixed(0)} KB), with ${notices.map((notice) => notice.name).join(', ') || 'no notice'}`);
}
