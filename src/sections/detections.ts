/**
 * The team's detection content on ATT&CK pages: the Sigma rules tagged with the object (techniques,
 * groups, software, tactics), and a technique's Atomic Red Team tests, which count as procedures
 * beside the team's own.
 */
import { siteLink, yesNo } from '../lib/pages/common.ts';
import { objectRulesPath, RULES_ON_OBJECT_PAGE, SIGMA_RULE_HEADERS, sigmaRuleRows } from '../lib/pages/sigma.ts';
import { href, paths } from '../lib/paths.ts';
import type { AtomicTest, SigmaRule } from '../model/detections.ts';
import { KINDS, type ObjectPageKind } from '../model/kinds.ts';
import type { Section } from './types.ts';

export const sigmaRules: Section<ObjectPageKind, SigmaRule> = {
  id: 'sigma-rules',
  title: 'Sigma Rules',
  rows: (object, { detections }) => detections?.rulesFor(object.id) ?? [],
  view: (rows, heading, object, page) => {
    if (rows.length === 0) return undefined;
    const kind = KINDS[object.type].labels.singular.toLowerCase();
    const all = objectRulesPath(object.type, object.attackId, rows.length);
    return {
      view: 'table',
      ...heading,
      count: rows.length,
      unindexed: true,
      note: all
        ? [`The ${RULES_ON_OBJECT_PAGE} most severe of the ${rows.length} Sigma rules tagged with this ${kind}; `, siteLink(all, page.base, `all ${rows.length} rules`), '.']
        : [`Sigma rules tagged with this ${kind}, most severe first.`],
      caption: 'Sigma rules',
      headers: SIGMA_RULE_HEADERS,
      rows: sigmaRuleRows(rows.slice(0, RULES_ON_OBJECT_PAGE), page),
    };
  },
};

export const atomicTests: Section<'technique', AtomicTest> = {
  id: 'atomic-tests',
  title: 'Atomic Tests',
  rows: (technique, { detections }) => detections?.testsFor(technique.id) ?? [],
  view: (rows, heading, _, { base }) =>
    rows.length > 0
      ? {
          view: 'table',
          ...heading,
          count: rows.length,
          unindexed: true,
          note: ['Atomic Red Team tests of this technique: each runs it in a small, known way, to check that detections fire. ', siteLink(paths.atomics(), base, 'All atomic tests'), '.'],
          caption: 'Atomic Red Team tests',
          headers: ['Test', 'Platforms', 'Executor', 'Needs Elevation'],
          rows: rows.map((test) => ({
            cells: [{ text: `#${test.number} ${test.name}`, href: href(base, test.path) }, test.platforms, test.executor.name, yesNo(test.executor.elevationRequired) ?? ''],
          })),
        }
      : undefined,
};
