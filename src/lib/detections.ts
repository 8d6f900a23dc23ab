/**
 * The detection content as the pages need it: Sigma rules by the ATT&CK objects they are tagged
 * with, Atomic Red Team tests by technique and by technique file, and the sources' notices.
 */
import type { AtomicTest, DetectionSource, SigmaRule } from '../model/detections.ts';
import type { DetectionCollections } from '../model/collections.ts';
import { compareAttackIds } from '../model/ids.ts';
import { pushTo } from './lists-by-key.ts';

/** Sigma's levels, most severe first: rules are listed in this order, then by title. */
export const SIGMA_LEVELS = ['critical', 'high', 'medium', 'low', 'informational'] as const;

export class Detections {
  readonly rules: SigmaRule[];
  readonly tests: AtomicTest[];
  readonly sources: DetectionSource[];
  private readonly rulesById = new Map<string, SigmaRule>();
  private readonly rulesByObject = new Map<string, SigmaRule[]>();
  private readonly testsByTechnique = new Map<string, AtomicTest[]>();
  private readonly testsById = new Map<string, AtomicTest>();

  constructor({ sigmarules, atomictests, detectionsources }: DetectionCollections) {
    this.rules = [...sigmarules].sort(bySeverityThenTitle);
    this.tests = [...atomictests].sort((a, b) => compareAttackIds(a.techniqueId, b.techniqueId) || a.number - b.number);
    this.sources = detectionsources;
    for (const rule of this.rules) {
      this.rulesById.set(rule.id.toLowerCase(), rule);
      for (const id of rule.mapped) pushTo(this.rulesByObject, id, rule);
    }
    for (const test of this.tests) {
      this.testsById.set(test.id.toLowerCase(), test);
      if (test.technique) pushTo(this.testsByTechnique, test.technique, test);
    }
  }

  rule(id: string): SigmaRule | undefined {
    return this.rulesById.get(id.toLowerCase());
  }

  /** Rules tagged with the ATT&CK object, most severe first. */
  rulesFor(stixId: string): SigmaRule[] {
    return this.rulesByObject.get(stixId) ?? [];
  }

  /** Atomic tests of the technique (from every file that names it or a revoked id it replaced). */
  testsFor(techniqueStixId: string): AtomicTest[] {
    return this.testsByTechnique.get(techniqueStixId) ?? [];
  }

  test(id: string): AtomicTest | undefined {
    return this.testsById.get(id.toLowerCase());
  }

  /** The tests of each technique file, keyed by its page, in technique id order. */
  testPages(): AtomicTest[][] {
    return [...Map.groupBy(this.tests, (test) => test.page).values()];
  }

  source(id: DetectionSource['id']): DetectionSource | undefined {
    return this.sources.find((source) => source.id === id);
  }
}

function levelRank(level: string | undefined): number {
  const rank = SIGMA_LEVELS.indexOf((level ?? '') as (typeof SIGMA_LEVELS)[number]);
  return rank < 0 ? SIGMA_LEVELS.length : rank;
}

function bySeverityThenTitle(a: SigmaRule, b: SigmaRule): number {
  return levelRank(a.level) - levelRank(b.level) || a.title.localeCompare(b.title, 'en') || (a.id < b.id ? -1 : 1);
}
