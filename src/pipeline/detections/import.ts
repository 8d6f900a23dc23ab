/**
 * The detection content of a build: Sigma rules and Atomic Red Team tests, each from a folder or
 * a packed file (src/pipeline/sources/rule-files.ts), linked against the latest release.
 */
import type { AttackObject } from '../../model/attack.ts';
import type { DetectionCollections } from '../../model/collections.ts';
import type { DetectionSource } from '../../model/detections.ts';
import type { ImportReport } from '../report.ts';
import { readRuleSource, type RuleSource } from '../sources/rule-files.ts';
import { AttackLookup } from '../vault/resolve.ts';
import { AttackTagResolver } from './attack-tags.ts';
import { isAtomicFileName, readAtomicTests } from './atomics.ts';
import { readSigmaRules } from './sigma.ts';

export interface DetectionInputs {
  /** A Sigma rules folder or packed file; none is read when absent. */
  sigma?: string;
  /** An Atomic Red Team `atomics` folder or packed file; none is read when absent. */
  atomics?: string;
}

export async function importDetections(
  inputs: DetectionInputs,
  attack: { objects: AttackObject[]; release: string },
  report: ImportReport,
): Promise<DetectionCollections> {
  const lookup = new AttackLookup(attack.objects);
  const collections: DetectionCollections = { sigmarules: [], atomictests: [], detectionsources: [] };
  if (inputs.sigma) {
    const source = await readRuleSource(inputs.sigma, () => true, report);
    const tags = new AttackTagResolver(lookup, attack.objects, attack.release, report);
    collections.sigmarules = readSigmaRules(source.files, source.source, tags, report);
    collections.detectionsources.push(sourceEntry('sigma', source, collections.sigmarules.length));
  }
  if (inputs.atomics) {
    const source = await readRuleSource(inputs.atomics, isAtomicFileName, report);
    collections.atomictests = readAtomicTests(source.files, source.source, lookup, attack.release, report);
    collections.detectionsources.push(sourceEntry('atomics', source, collections.atomictests.length));
  }
  return collections;
}

/** Licences a notice may name, as their texts name them. */
const LICENCE_NAMES = [/Detection Rule License \(DRL\) \d\.\d/, /\bMIT License\b/, /Apache License,? Version \d\.\d/];

function sourceEntry(id: DetectionSource['id'], { source, notices }: RuleSource, count: number): DetectionSource {
  const texts = notices.map((notice) => notice.text).join('\n');
  const licence = LICENCE_NAMES.map((pattern) => pattern.exec(texts)?.[0]).find(Boolean);
  return { id, source, count, licence, notices };
}
