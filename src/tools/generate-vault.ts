/**
 * A synthetic vault in the
 * database-export format (tactics/, techniques/, sub-techniques/, procedures/, commands/, ...)
 * for the benchmark. Notes link each other and real ATT&CK ids of the vendored Enterprise
 * bundle; the same arguments always give the same vault.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pushTo } from '../lib/lists-by-key.ts';
import { loadBundle } from '../pipeline/sources/bundles.ts';
import { ImportReport } from '../pipeline/report.ts';

interface AttackEntry {
  id: string;
  name: string;
  kind: 'tactic' | 'technique' | 'sub-technique';
}

/** Share of the vault each folder gets, as in the export the format comes from. */
const FOLDER_SHARES: [folder: string, share: number][] = [
  ['commands', 0.27],
  ['tools', 0.05],
  ['procedures', 0.4],
  ['codes', 0.1],
  ['tags', 0.03],
  ['attack-chains', 0.05],
  ['cheatsheets', 0.05],
  ['payloads', 0.05],
];

const WORDS = (
  'adversary beacon credential domain enumerate exfiltrate gateway host implant kerberos lateral ' +
  'listener loader memory network operator payload persistence privilege registry resolver ' +
  'scheduled service session shell subdomain token tunnel upload vulnerability webshell zone'
).split(' ');
const EXECUTORS = ['bash', 'powershell', 'cmd', 'python', 'sh'];
const PLATFORMS = ['Windows', 'Linux', 'macOS'];

/** A small seeded generator (mulberry32), so every run writes the same vault. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateVault(folder: string, noteCount: number): Promise<number> {
  const next = random(42);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
  const sentence = () => Array.from({ length: 8 + Math.floor(next() * 10) }, () => pick(WORDS)).join(' ');
  const attack = await attackEntries();
  const tactics = attack.filter((entry) => entry.kind === 'tactic');
  const techniques = attack.filter((entry) => entry.kind !== 'tactic');

  const names = new Map<string, string[]>();
  const notes: { path: string; text: string }[] = [];
  const add = (folder: string, name: string, text: string) => {
    pushTo(names, folder, name);
    notes.push({ path: `${folder}/${name.replaceAll('/', '-')}.md`, text });
  };
  const link = (folder: string) => `[[${pick(names.get(folder) ?? ['Missing'])}]]`;
  const header = (type: string, extra: string) =>
    `---\nid: ${uuid(next)}\ntype: ${type}\n${extra}created_at: 2024-01-01T00:00:00Z\nupdated_at: 2025-06-01T00:00:00Z\n---\n`;

  for (const entry of attack) {
    const folder = entry.kind === 'tactic' ? 'tactics' : `${entry.kind}s`;
    const tactic = pick(tactics);
    add(folder, entry.name, `${header(entry.kind, `name: ${JSON.stringify(entry.name)}\nmitre_id: ${entry.id}\ntactics: ['[[${tactic.name}|${tactic.id} - ${tactic.name}]]']\n`)}${sentence()}.\n`);
  }
  // Names first, so that notes can link to notes of any folder.
  const remaining = Math.max(0, noteCount - notes.length);
  const planned = FOLDER_SHARES.flatMap(([folder, share]) =>
    Array.from({ length: Math.round(remaining * share) }, (_, n) => ({ folder, name: `${folder.replace(/s$/, '')} ${n + 1} ${pick(WORDS)}` })),
  );
  for (const { folder, name } of planned) pushTo(names, folder, name);
  for (const { folder, name } of planned) notes.push({ path: `${folder}/${name}.md`, text: generatedNote(folder) });
  await rm(folder, { recursive: true, force: true });
  for (const note of notes) {
    await mkdir(join(folder, note.path, '..'), { recursive: true });
    await writeFile(join(folder, note.path), note.text);
  }
  return notes.length;

  function generatedNote(folder: string): string {
    const technique = pick(techniques);
    const tactic = pick(tactics);
    switch (folder) {
      case 'procedures':
        return `${header('procedure', `name: procedure\nverified: ${next() > 0.5}\nsubmitted: true\nmitre_tactics: [${tactic.id}]\nmitre_techniques: ['[[${technique.id}]]']\ncommands: ['${link('commands')}']\ntools: ['${link('tools')}']\nplatforms: [${pick(PLATFORMS)}]\ntags: [${pick(WORDS)}]\n`)}` +
          `## Summary\n\n${sentence()} #${pick(WORDS)}\n\n## Instructions\n\n**Command** (${link('commands')}):\n\n\`\`\`${pick(EXECUTORS)}\n${sentence()}\n\`\`\`\n\n> [!note] Detection\n> ${sentence()}\n\n## MITRE ATT&CK Mapping\n\n- [[${technique.name}|${technique.id} - ${technique.name}]]\n`;
      case 'commands':
        return `${header('command', `name: command\nexecutor: ${pick(EXECUTORS)}\ndata: ${JSON.stringify(sentence())}\ntools: ['${link('tools')}']\n`)}${sentence()}.\n`;
      case 'codes':
        return `${header('code', `language: python\nverified: true\n`)}\`\`\`python\nprint(${JSON.stringify(sentence())})\n\`\`\`\n`;
      case 'attack-chains':
        return `${header('attack-chain', `name: chain\ndescription: "Step 1: ${pick(WORDS)}"\nstep_count: 2\nprocedures: ['${link('procedures')}', '${link('procedures')}']\ntechniques: ['[[${technique.id}]]']\ntactics: ['[[${tactic.id}]]']\n`)}1. ${link('procedures')}\n2. ${link('procedures')}\n`;
      default:
        return `${header(folder.replace(/s$/, ''), `name: ${folder}\ntags: [${pick(WORDS)}]\n`)}${sentence()}, see ${link('procedures')} and ==${pick(WORDS)}==.\n`;
    }
  }
}

function uuid(next: () => number): string {
  const hex = () => Math.floor(next() * 16).toString(16);
  const part = (length: number) => Array.from({ length }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-8${part(3)}-${part(12)}`;
}

async function attackEntries(): Promise<AttackEntry[]> {
  const bundle = await loadBundle('content/attack/enterprise-attack-18.1.json.br', {}, new ImportReport());
  const entries: AttackEntry[] = [];
  for (const object of bundle.objects) {
    if (object.revoked || object.x_mitre_deprecated) continue;
    const id = (object.external_references as { source_name: string; external_id?: string }[] | undefined)?.find(
      (ref) => ref.source_name === 'mitre-attack',
    )?.external_id;
    if (!id) continue;
    if (object.type === 'x-mitre-tactic') entries.push({ id, name: String(object.name), kind: 'tactic' });
    if (object.type === 'attack-pattern') {
      entries.push({ id, name: String(object.name), kind: id.includes('.') ? 'sub-technique' : 'technique' });
    }
  }
  return entries;
}
