/**
 * A Sigma rules folder and an Atomic Red Team atomics folder with the hostile payloads in every
 * field that reaches a page: markup payload n goes into rule n and test n, which are tagged with
 * (or written for) the hostile bundle's technique T9n, so that they show on ATT&CK pages too. And
 * inputs that must be refused with a warning naming the file: a YAML anchor bomb, a 10 MB rule,
 * broken YAML, a rule without an id, ids that would climb out of the site.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MARKUP_PAYLOADS, PATH_PAYLOADS, URL_PAYLOADS, type Payload } from './hostile-payloads.ts';
import { YAML_BOMB } from './malformed-vault.ts';

/** YAML double-quoted strings are JSON strings. */
const yaml = (text: string) => JSON.stringify(text);

/** The files the import must leave out, each with what its warning says. */
export const REFUSED_RULES: { file: string; message: RegExp }[] = [
  { file: 'refused/bomb.yml', message: /^broken YAML \(Excessive alias count/ },
  { file: 'refused/huge.yml', message: /^larger than 1024 KiB; left out$/ },
  { file: 'refused/broken.yml', message: /^broken YAML/ },
  { file: 'refused/no-id.yml', message: /^a Sigma rule without an id; left out$/ },
  { file: 'refused/climbing-id.yml', message: /is not an id/ },
];

function rule({ id, text }: Payload, index: number): string {
  const attackId = `t9${String(index).padStart(3, '0')}`;
  const url = URL_PAYLOADS[index % URL_PAYLOADS.length]!.text;
  return [
    `title: ${yaml(text)}`,
    `id: 00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    `status: ${yaml(text)}`,
    `description: ${yaml(text)}`,
    `references:\n  - ${yaml(url)}\n  - ${yaml(text)}`,
    `author: ${yaml(text)}`,
    `date: ${yaml(text)}`,
    `tags:\n  - attack.${attackId}\n  - attack.${attackId}.001\n  - ${yaml(`attack.${text}`)}\n  - ${yaml(text)}`,
    `logsource:\n  product: ${yaml(text)}\n  service: ${yaml(text)}\n  category: ${yaml(text)}\n  definition: ${yaml(text)}`,
    `detection:\n  selection:\n    CommandLine|contains: ${yaml(text)}\n  condition: selection # ${id}`,
    `falsepositives:\n  - ${yaml(text)}`,
    `level: ${yaml(text)}`,
    `related:\n  - id: ${yaml(text)}\n    type: ${yaml(text)}`,
    '',
  ].join('\n');
}

function atomicFile({ text }: Payload, index: number): string {
  const attackId = `T9${String(index).padStart(3, '0')}`;
  return [
    `attack_technique: ${attackId}`,
    `display_name: ${yaml(text)}`,
    'atomic_tests:',
    `- name: ${yaml(text)}`,
    `  auto_generated_guid: 00000000-0000-4000-9000-${String(index).padStart(12, '0')}`,
    `  description: ${yaml(text)}`,
    `  supported_platforms: [${yaml(text)}]`,
    '  input_arguments:',
    `    payload:\n      description: ${yaml(text)}\n      type: ${yaml(text)}\n      default: ${yaml(text)}`,
    `  dependency_executor_name: ${yaml(text)}`,
    `  dependencies:\n  - description: ${yaml(text)}\n    prereq_command: ${yaml(`${text} #{payload}`)}\n    get_prereq_command: ${yaml(text)}`,
    `  executor:\n    name: ${yaml(text)}\n    elevation_required: true\n    command: ${yaml(`echo #{payload} ${text}`)}\n    cleanup_command: ${yaml(text)}`,
    `- name: ${yaml(`${text} (manual)`)}`,
    `  auto_generated_guid: ${yaml(PATH_PAYLOADS[index % PATH_PAYLOADS.length]!.text)}`,
    `  description: ${yaml(text)}`,
    `  executor:\n    name: manual\n    steps: ${yaml(text)}`,
    '',
  ].join('\n');
}

/** Writes `<dir>/sigma` and `<dir>/atomics`; returns both folders. */
export async function writeHostileDetections(dir: string): Promise<{ sigma: string; atomics: string }> {
  const sigma = join(dir, 'sigma');
  const atomics = join(dir, 'atomics');
  await mkdir(join(sigma, 'refused'), { recursive: true });
  await writeFile(join(sigma, 'LICENSE'), `${MARKUP_PAYLOADS[0]!.text}\nDetection Rule License (DRL) 1.1`);
  for (const [index, payload] of MARKUP_PAYLOADS.entries()) {
    await writeFile(join(sigma, `rule-${index}.yml`), rule(payload, index));
    const attackId = `T9${String(index).padStart(3, '0')}`;
    await mkdir(join(atomics, attackId), { recursive: true });
    await writeFile(join(atomics, attackId, `${attackId}.yaml`), atomicFile(payload, index));
  }
  const refused: Record<string, string> = {
    'bomb.yml': `title: Bomb\nid: 11111111-1111-4111-8111-111111111111\n${YAML_BOMB}\n`,
    // 10 MB: refused before it is parsed.
    'huge.yml': `title: Huge\nid: 22222222-2222-4222-8222-222222222222\ndescription: "${'x'.repeat(10 * 1024 * 1024)}"\n`,
    'broken.yml': 'title: [unclosed\nid: 33333333-3333-4333-8333-333333333333\n',
    'no-id.yml': `title: ${yaml(MARKUP_PAYLOADS[0]!.text)}\n`,
    'climbing-id.yml': `title: Climbing\nid: ${yaml(PATH_PAYLOADS[0]!.text)}\n`,
  };
  for (const [name, text] of Object.entries(refused)) await writeFile(join(sigma, 'refused', name), text);
  return { sigma, atomics };
}
