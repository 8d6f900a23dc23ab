/**
 * The Atomic Red Team pages: one per technique file (`/atomics/T1059/001/`) with each test at its
 * own anchor (its GUID): description, input arguments, dependencies, the command with its
 * `#{argument}` placeholders marked and, on request, with the defaults filled in, and the cleanup
 * command; and `/atomics/`, every technique file with its tests.
 */
import type { AtomicTest, InputArgument } from '../../model/detections.ts';
import type { Detections } from '../detections.ts';
import type { AttackGraph } from '../graph.ts';
import { paths, type SitePath } from '../paths.ts';
import { escapeHtml } from '../rich-text.ts';
import { atomicTestsSearchEntry, atomicTestsTitle } from '../search/detection-entry.ts';
import type { SearchEntry } from '../search/schema.ts';
import { cardRows, displayName, linkTo, siteLink, yesNo, type CardRow, type Link, type TableRow } from './common.ts';

/** `#{name}`: where an input argument goes in a command. */
const PLACEHOLDER = /#\{([^{}\s]+)\}/g;

export interface CommandView {
  /** What runs it: `powershell`, `sh`, `command_prompt`... */
  executor: string;
  /** The command, escaped, with each placeholder in a span. */
  html: string;
  /** The command with the arguments' defaults in place of the placeholders, when it has any. */
  filled?: string;
}

export interface AtomicTestView {
  /** The anchor. */
  id: string;
  heading: string;
  description: string;
  card: CardRow[];
  /** Name | Description | Type | Default */
  inputArguments: TableRow[];
  dependencyExecutor?: string;
  dependencies: { description: string; check?: CommandView; get?: CommandView }[];
  command?: CommandView;
  steps?: string;
  cleanup?: CommandView;
}

export interface AtomicPage {
  path: SitePath;
  title: string;
  lead: string;
  breadcrumbs: Link[];
  technique?: Link;
  tests: AtomicTestView[];
  search: SearchEntry;
}

export function atomicPages(detections: Detections, graph: AttackGraph, base: string): AtomicPage[] {
  return detections.testPages().map((tests) => {
    const first = tests[0]!;
    const technique = graph.getOfType('technique', first.technique);
    const title = atomicTestsTitle(first);
    const linked = technique && technique.attackId !== first.techniqueId ? ` (now ${technique.attackId} ${displayName(technique, graph)})` : '';
    return {
      path: first.page,
      title,
      lead: `${tests.length} Atomic Red Team test${tests.length === 1 ? '' : 's'} of ${first.techniqueId} ${first.techniqueName}${linked}, from ${first.file}.`,
      breadcrumbs: [siteLink(paths.atomics(), base, 'Atomic Tests')],
      technique: technique && linkTo(technique, base, `${technique.attackId} ${displayName(technique, graph)}`),
      tests: tests.map(testView),
      search: atomicTestsSearchEntry(tests),
    };
  });
}

function testView(test: AtomicTest): AtomicTestView {
  const { executor } = test;
  const dependencyExecutor = test.dependencyExecutor ?? executor.name;
  return {
    id: paths.atomicTestAnchor(test.id),
    heading: `${test.number}. ${test.name}`,
    description: test.description,
    card: cardRows([
      ['Platforms', test.platforms],
      ['Executor', executor.name],
      ['Needs Elevation', yesNo(executor.elevationRequired)],
      ['GUID', test.id === `${test.techniqueId}-${test.number}` ? undefined : { code: test.id }],
    ]),
    inputArguments: test.inputArguments.map((argument) => ({
      cells: [{ code: argument.name }, argument.description, argument.type, argument.default ? { code: argument.default } : ''],
    })),
    dependencyExecutor: test.dependencies.length > 0 ? dependencyExecutor : undefined,
    dependencies: test.dependencies.map((dependency) => ({
      description: dependency.description,
      check: commandView(dependency.prereqCommand, dependencyExecutor, test.inputArguments),
      get: commandView(dependency.getPrereqCommand, dependencyExecutor, test.inputArguments),
    })),
    command: commandView(executor.command, executor.name, test.inputArguments),
    steps: executor.steps,
    cleanup: commandView(executor.cleanupCommand, executor.name, test.inputArguments),
  };
}

export function commandView(command: string | undefined, executor: string, inputArguments: InputArgument[]): CommandView | undefined {
  if (!command) return undefined;
  const defaults = new Map(inputArguments.map((argument) => [argument.name, argument.default]));
  let html = '';
  let last = 0;
  for (const match of command.matchAll(PLACEHOLDER)) {
    html += `${escapeHtml(command.slice(last, match.index))}<span class="placeholder">${escapeHtml(match[0])}</span>`;
    last = match.index + match[0].length;
  }
  html += escapeHtml(command.slice(last));
  const filled = fillDefaults(command, defaults);
  return { executor, html, filled: filled === command ? undefined : filled };
}

/** The command with each `#{argument}` replaced by the argument's default; unknown names stay as written. */
export function fillDefaults(command: string, defaults: ReadonlyMap<string, string>): string {
  return command.replace(PLACEHOLDER, (placeholder, name: string) => defaults.get(name) ?? placeholder);
}

export interface AtomicIndex {
  /** Technique | ATT&CK Technique | Tests | Platforms */
  rows: TableRow[];
  testCount: number;
}

/** `/atomics/`: every technique file with its tests' count and platforms. */
export function atomicIndex(detections: Detections, graph: AttackGraph, base: string): AtomicIndex {
  const rows = detections.testPages().map((tests): TableRow => {
    const first = tests[0]!;
    const technique = graph.getOfType('technique', first.technique);
    return {
      cells: [
        siteLink(first.page, base, `${first.techniqueId} ${first.techniqueName}`),
        technique ? linkTo(technique, base, technique.attackId) : 'not in this release',
        String(tests.length),
        [...new Set(tests.flatMap((test) => test.platforms))].sort(),
      ],
    };
  });
  return { rows, testCount: detections.tests.length };
}
