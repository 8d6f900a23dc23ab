/** Small STIX bundles for tests, built in code so each test shows exactly what it feeds in. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export type Fields = Record<string, unknown>;

const KILL_CHAINS = { 'enterprise-attack': 'mitre-attack', 'mobile-attack': 'mitre-mobile-attack', 'ics-attack': 'mitre-ics-attack' };
type Domain = keyof typeof KILL_CHAINS;

export function attackObject(type: string, attackId: string, name: string, section: string, fields: Fields): Fields {
  return {
    type,
    id: `${type}--${attackId.toLowerCase().replace('.', '-')}`,
    name,
    description: `${name} description.`,
    created: '2020-01-01T00:00:00.000Z',
    modified: '2021-01-01T00:00:00.000Z',
    x_mitre_version: '1.0',
    x_mitre_domains: ['enterprise-attack'],
    external_references: [
      { source_name: 'mitre-attack', external_id: attackId, url: `https://attack.mitre.org/${section}/${attackId.replace('.', '/')}` },
    ],
    ...fields,
  };
}

export function tactic(attackId: string, shortname: string, fields: Fields = {}): Fields {
  return attackObject('x-mitre-tactic', attackId, shortname, 'tactics', { x_mitre_shortname: shortname, ...fields });
}

export function technique(attackId: string, name: string, tactics: string[], fields: Fields = {}): Fields {
  const domain = ((fields.x_mitre_domains as Domain[] | undefined)?.[0] ?? 'enterprise-attack') as Domain;
  return attackObject('attack-pattern', attackId, name, 'techniques', {
    kill_chain_phases: tactics.map((phase_name) => ({ kill_chain_name: KILL_CHAINS[domain], phase_name })),
    x_mitre_is_subtechnique: attackId.includes('.'),
    x_mitre_platforms: ['Windows'],
    ...fields,
  });
}

export function mitigation(attackId: string, name: string, fields: Fields = {}): Fields {
  return attackObject('course-of-action', attackId, name, 'mitigations', fields);
}

export function group(attackId: string, name: string, fields: Fields = {}): Fields {
  return attackObject('intrusion-set', attackId, name, 'groups', { aliases: [name], ...fields });
}

export function matrix(domain: Domain, tactics: Fields[]): Fields {
  return {
    ...attackObject('x-mitre-matrix', domain, 'Matrix', 'matrices', { x_mitre_domains: [domain] }),
    tactic_refs: tactics.map((t) => t.id),
  };
}

export function relationship(type: string, source: Fields, target: Fields, fields: Fields = {}): Fields {
  return {
    type: 'relationship',
    id: `relationship--${String(source.id).split('--')[1]}-${type}-${String(target.id).split('--')[1]}`,
    relationship_type: type,
    source_ref: source.id,
    target_ref: target.id,
    description: '',
    ...fields,
  };
}

export function bundle(objects: Fields[]): Fields {
  return { type: 'bundle', id: 'bundle--test', spec_version: '2.0', objects };
}

/** A small Enterprise bundle: two tactics, a technique with a sub-technique, a mitigation, a group. */
export function sampleObjects(): Fields[] {
  const execution = tactic('TA0002', 'execution', { name: 'Execution' });
  const persistence = tactic('TA0003', 'persistence', { name: 'Persistence' });
  const interpreter = technique('T1059', 'Command and Scripting Interpreter', ['execution']);
  const powershell = technique('T1059.001', 'PowerShell', ['execution'], {
    description: 'Adversaries may abuse [PowerShell](https://attack.mitre.org/techniques/T1059/001).(Citation: Microsoft PowerShell)',
    external_references: [
      { source_name: 'mitre-attack', external_id: 'T1059.001' },
      { source_name: 'Microsoft PowerShell', description: 'Microsoft. (n.d.). PowerShell.', url: 'https://learn.microsoft.com/powershell' },
    ],
  });
  const audit = mitigation('M1047', 'Audit');
  const apt = group('G0001', 'Example Group', { aliases: ['Example Group', 'Sample Bear'] });
  return [
    matrix('enterprise-attack', [execution, persistence]),
    execution,
    persistence,
    interpreter,
    powershell,
    audit,
    apt,
    relationship('subtechnique-of', powershell, interpreter),
    relationship('mitigates', audit, powershell, { description: 'Audit scripts.' }),
    relationship('uses', apt, powershell, {
      description: '[Example Group](https://attack.mitre.org/groups/G0001) has used PowerShell.(Citation: Report (2020))',
      external_references: [{ source_name: 'Report (2020)', description: 'A report.', url: 'https://example.com/report' }],
    }),
  ];
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'attack-kb-test-'));
}

/** Writes a bundle as plain, gzip or brotli JSON and returns its path. */
export async function writeBundle(dir: string, name: string, content: Fields | string, compression?: 'gz' | 'br'): Promise<string> {
  const json = Buffer.from(typeof content === 'string' ? content : JSON.stringify(content));
  const data = compression === 'gz' ? gzipSync(json) : compression === 'br' ? brotliCompressSync(json) : json;
  const path = join(dir, compression ? `${name}.${compression}` : name);
  await writeFile(path, data);
  return path;
}
