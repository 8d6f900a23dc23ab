/**
 * Sigma rules: each YAML file of a rules folder read as one rule (SigmaHQ's format: title, id,
 * status, description, references, author, date, modified, tags, logsource, detection,
 * falsepositives, level), its ATT&CK tags linked. A file that is not valid YAML, or that has no
 * id, is left out with a warning naming it (and the line); the other rules still build.
 */
import { paths } from '../../lib/paths.ts';
import type { SigmaRule } from '../../model/detections.ts';
import type { ImportReport } from '../report.ts';
import type { RuleFile } from '../sources/rule-files.ts';
import type { AttackTagResolver } from './attack-tags.ts';
import { isMap, isSafeId, parseYamlMap, text, texts, type YamlMap } from './yaml-fields.ts';

/** The rules of a folder, in file order; a second rule with an id already taken is left out. */
export function readSigmaRules(files: RuleFile[], source: string, tags: AttackTagResolver, report: ImportReport): SigmaRule[] {
  const rules = new Map<string, SigmaRule>();
  for (const file of files) {
    const location = `${source}/${file.path}`;
    const rule = readSigmaRule(file, location, tags, report);
    if (!rule) continue;
    const taken = rules.get(rule.id.toLowerCase());
    if (taken) {
      report.warn({ source: location }, `rule id ${rule.id} is already the id of ${source}/${taken.file}; left out`);
      continue;
    }
    rules.set(rule.id.toLowerCase(), rule);
  }
  tags.finish();
  return [...rules.values()];
}

function readSigmaRule(file: RuleFile, location: string, tags: AttackTagResolver, report: ImportReport): SigmaRule | undefined {
  const yaml = parseYamlMap(file.text, location, 'a Sigma rule', report);
  if (!yaml) return undefined;
  const id = text(yaml.id);
  if (!id) {
    report.warn({ source: location }, 'a Sigma rule without an id; left out');
    return undefined;
  }
  if (!isSafeId(id)) {
    report.warn({ source: location }, `rule id ${JSON.stringify(id.slice(0, 80))} is not an id (letters, digits and dashes, as a UUID); left out`);
    return undefined;
  }
  const title = text(yaml.title);
  if (!title) report.warn({ source: location }, 'a Sigma rule without a title; its file name stands for it');
  const allTags = texts(yaml.tags);
  const attack = tags.resolve(allTags, location);
  const logsource = isMap(yaml.logsource) ? yaml.logsource : {};
  return {
    id,
    file: file.path,
    path: paths.sigmaRule(id),
    title: title ?? file.path.split('/').at(-1)!,
    status: text(yaml.status),
    level: text(yaml.level),
    description: text(yaml.description) ?? '',
    author: text(yaml.author),
    date: text(yaml.date),
    modified: text(yaml.modified),
    license: text(yaml.license),
    logsource: {
      product: text(logsource.product),
      service: text(logsource.service),
      category: text(logsource.category),
      definition: text(logsource.definition),
    },
    references: texts(yaml.references),
    falsepositives: texts(yaml.falsepositives),
    tags: allTags,
    attack,
    mapped: [...new Set(attack.flatMap((tag) => (tag.target ? [tag.target] : [])))],
    related: listOfMaps(yaml.related).flatMap((entry) => {
      const relatedId = text(entry.id);
      return relatedId ? [{ id: relatedId, type: text(entry.type) ?? 'related' }] : [];
    }),
    simulations: listOfMaps(yaml.simulation).flatMap((entry) => texts(entry.atomic_guid)),
    yaml: file.text,
  };
}

function listOfMaps(value: unknown): YamlMap[] {
  return Array.isArray(value) ? value.filter(isMap) : [];
}
