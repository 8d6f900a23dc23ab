/** The search entries of the detection content's pages: a Sigma rule's, and a technique's Atomic tests'. */
import type { AtomicTest, SigmaRule } from '../../model/detections.ts';
import type { SearchEntry } from './schema.ts';

export function sigmaRuleSearchEntry(rule: SigmaRule): SearchEntry {
  return { type: 'Sigma Rule', title: rule.title, aliases: [], filters: { platform: [rule.logsource.product ?? ''].filter(Boolean) } };
}

/** The entry of the page of one technique's tests (one Atomic Red Team file), titled as the page is. */
export function atomicTestsSearchEntry(tests: AtomicTest[]): SearchEntry {
  const first = tests[0]!;
  return { type: 'Atomic Tests', title: atomicTestsTitle(first), id: first.techniqueId, aliases: tests.map((test) => test.name) };
}

export function atomicTestsTitle(test: AtomicTest): string {
  return `Atomic Tests: ${test.techniqueId} ${test.techniqueName}`;
}
