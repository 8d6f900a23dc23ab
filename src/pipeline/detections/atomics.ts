/**
 * Atomic Red Team tests: each technique file (`atomics/T1059.001/T1059.001.yaml`) read as the
 * technique's list of tests, linked to the technique of the latest release (a revoked id to its
 * replacement, with a warning). A file that is broken YAML, or whose technique id cannot be read,
 * is left out with a warning naming it; a test without a name or an executor likewise.
 */
import { paths } from '../../lib/paths.ts';
import type { AtomicTest } from '../../model/detections.ts';
import { parseAttackId } from '../../model/ids.ts';
import type { ImportReport } from '../report.ts';
import type { RuleFile } from '../sources/rule-files.ts';
import type { AttackLookup } from '../vault/resolve.ts';
import { block, isMap, isSafeId, parseYamlMap, text, texts, type YamlMap } from './yaml-fields.ts';

/** Atomic technique files are named by their technique: `T1059.001.yaml`. */
export function isAtomicFileName(name: string): boolean {
  return /^T\d{4}(\.\d{3})?\.ya?ml$/i.test(name);
}

interface FileContext {
  location: string;
  report: ImportReport;
}

export function readAtomicTests(files: RuleFile[], source: string, lookup: AttackLookup, release: string, report: ImportReport): AtomicTest[] {
  const tests: AtomicTest[] = [];
  const pages = new Map<string, string>();
  const ids = new Set<string>();
  for (const file of files) {
    const context = { location: `${source}/${file.path}`, report };
    const yaml = parseYamlMap(file.text, context.location, 'an Atomic Red Team technique file', report);
    const techniqueId = yaml && techniqueIdOf(yaml, file, context);
    if (!yaml || !techniqueId) continue;
    const page = paths.atomicTests(techniqueId);
    const taken = pages.get(page);
    if (taken) {
      report.warn({ source: context.location }, `holds the tests of ${techniqueId}, as ${source}/${taken} does; left out`);
      continue;
    }
    pages.set(page, file.path);
    const technique = linkTechnique(techniqueId, lookup, release, context);
    const rawTests = Array.isArray(yaml.atomic_tests) ? yaml.atomic_tests : [];
    if (rawTests.length === 0) report.warn({ source: context.location }, 'no atomic_tests in the file');
    rawTests.forEach((raw, index) => {
      const test = readTest(raw, index + 1, { file, techniqueId, techniqueName: text(yaml.display_name) ?? techniqueId, technique }, context);
      if (!test) return;
      if (ids.has(test.id)) {
        report.warn({ source: context.location }, `test ${test.number} has the GUID ${test.id} of another test; left out`);
        return;
      }
      ids.add(test.id);
      tests.push(test);
    });
  }
  return tests;
}

/** The file's `attack_technique`, else its name's; undefined, with a warning, when neither is a technique id. */
function techniqueIdOf(yaml: YamlMap, file: RuleFile, { location, report }: FileContext): string | undefined {
  for (const candidate of [text(yaml.attack_technique), file.path.split('/').at(-1)!.replace(/\.ya?ml$/i, '')]) {
    const parsed = candidate ? parseAttackId(candidate) : undefined;
    if (parsed?.kind === 'technique') return parsed.id;
  }
  report.warn({ source: location }, `attack_technique ${JSON.stringify(text(yaml.attack_technique) ?? '')} is not a technique id; left out`);
  return undefined;
}

function linkTechnique(techniqueId: string, lookup: AttackLookup, release: string, { location, report }: FileContext): string | undefined {
  const match = lookup.find(techniqueId);
  if (!match) {
    report.warn({ source: location }, `${techniqueId} is not a technique of ATT&CK ${release}; its tests are listed without one`);
    return undefined;
  }
  if (match.warning) report.warn({ source: location }, match.warning);
  return match.object.type === 'technique' ? match.object.id : undefined;
}

interface TechniqueFile {
  file: RuleFile;
  techniqueId: string;
  techniqueName: string;
  technique: string | undefined;
}

function readTest(raw: unknown, number: number, { file, techniqueId, techniqueName, technique }: TechniqueFile, { location, report }: FileContext): AtomicTest | undefined {
  const name = isMap(raw) ? text(raw.name) : undefined;
  const executor = isMap(raw) && isMap(raw.executor) ? raw.executor : undefined;
  if (!isMap(raw) || !name || !executor) {
    report.warn({ source: location }, `test ${number} has no ${name ? 'executor' : 'name'}; left out`);
    return undefined;
  }
  const guid = text(raw.auto_generated_guid);
  if (guid && !isSafeId(guid)) report.warn({ source: location }, `test ${number}: auto_generated_guid is not a GUID; the test is numbered instead`);
  const id = guid && isSafeId(guid) ? guid.toLowerCase() : `${techniqueId}-${number}`;
  const page = paths.atomicTests(techniqueId);
  return {
    id,
    file: file.path,
    path: paths.anchor(page, paths.atomicTestAnchor(id)),
    page,
    techniqueId,
    techniqueName,
    technique,
    number,
    name,
    description: block(raw.description) ?? '',
    platforms: texts(raw.supported_platforms),
    inputArguments: Object.entries(isMap(raw.input_arguments) ? raw.input_arguments : {}).map(([argument, spec]) => ({
      name: argument,
      description: (isMap(spec) && text(spec.description)) || '',
      type: (isMap(spec) && text(spec.type)) || '',
      default: (isMap(spec) && block(spec.default)) || '',
    })),
    dependencyExecutor: text(raw.dependency_executor_name),
    dependencies: (Array.isArray(raw.dependencies) ? raw.dependencies.filter(isMap) : []).map((dependency) => ({
      description: block(dependency.description) ?? '',
      prereqCommand: block(dependency.prereq_command) ?? '',
      getPrereqCommand: block(dependency.get_prereq_command) ?? '',
    })),
    executor: {
      name: text(executor.name) ?? 'manual',
      command: block(executor.command),
      steps: block(executor.steps),
      cleanupCommand: block(executor.cleanup_command),
      elevationRequired: executor.elevation_required === true || text(executor.elevation_required)?.toLowerCase() === 'true',
    },
  };
}
