/**
 * A synthetic vault in the database-export format (tactics/, techniques/, sub-techniques/,
 * procedures/, commands/, tools/, tags/, ...) for the benchmark and the size checks, as messy as
 * real exports are: ATT&CK notes that mirror an older release (its description with raw
 * `(Citation: ...)` markers under "MITRE ID:" boilerplate), tags written as links to tag notes,
 * ids joined in one string, a first heading that repeats the title, Dataview blocks and a
 * Templates folder. Notes link each other and real ATT&CK ids; the same arguments always give the
 * same vault.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pushTo } from '../lib/lists-by-key.ts';
import { loadBundle } from '../pipeline/sources/bundles.ts';
import { ImportReport } from '../pipeline/report.ts';

/** The release the ATT&CK notes were exported from: older than the live one, as in real vaults. */
const MIRRORED_BUNDLE = 'content/attack/enterprise-attack-17.1.json.br';

interface AttackEntry {
  id: string;
  name: string;
  kind: 'tactic' | 'technique' | 'sub-technique';
  description: string;
  platforms: string[];
  version: string;
}

/** Share of the other notes each folder gets, as in the export the format comes from. */
const FOLDER_SHARES: [folder: string, share: number][] = [
  ['commands', 0.42],
  ['procedures', 0.17],
  ['tools', 0.07],
  ['codes', 0.08],
  ['tags', 0.04],
  ['attack-chains', 0.04],
  ['cheatsheets', 0.08],
  ['payloads', 0.1],
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
  const link = (folder: string) => `[[${pick(names.get(folder) ?? ['Missing'])}]]`;
  const header = (type: string, extra: string) =>
    `---\nid: ${uuid(next)}\ntype: ${type}\n${extra}created_at: 2024-01-01T00:00:00Z\nupdated_at: 2025-06-01T00:00:00Z\n---\n`;

  // Names first, so that notes can link to notes of any folder.
  const remaining = Math.max(0, noteCount - attack.length - 1);
  const planned = FOLDER_SHARES.flatMap(([folder, share]) =>
    Array.from({ length: Math.round(remaining * share) }, (_, n) => ({ folder, name: `${folder.replace(/s$/, '')} ${n + 1} ${pick(WORDS)}` })),
  );
  for (const { folder, name } of planned) pushTo(names, folder, name);
  for (const entry of attack) {
    const folder = entry.kind === 'tactic' ? 'tactics' : `${entry.kind}s`;
    const tactic = pick(tactics);
    const procedures = [link('procedures'), link('procedures')].map((value) => `'${value}'`).join(', ');
    const frontmatter = `name: ${JSON.stringify(entry.name)}\nmitre_id: ${entry.id}\ntactics: ['[[${tactic.name}|${tactic.id} - ${tactic.name}]]']\nprocedures: [${procedures}]\n`;
    notes.push({ path: `${folder}/${entry.name.replaceAll('/', '-')}.md`, text: `${header(entry.kind, frontmatter)}${mirrored(entry, tactic)}` });
  }
  for (const { folder, name } of planned) notes.push({ path: `${folder}/${name}.md`, text: generatedNote(folder, name) });
  notes.push({ path: 'Templates/Procedure.md', text: `${header('procedure', 'name: "{{title}}"\n')}# {{title}}\n\n## Summary\n` });
  notes.push({ path: '.obsidian/templates.json', text: '{"folder": "Templates"}\n' });

  await rm(folder, { recursive: true, force: true });
  for (const note of notes) {
    await mkdir(join(folder, note.path, '..'), { recursive: true });
    await writeFile(join(folder, note.path), note.text);
  }
  return notes.filter((note) => note.path.endsWith('.md')).length;

  /** An ATT&CK note as exports write them: boilerplate, the description, sometimes the team's own words. */
  function mirrored(entry: AttackEntry, tactic: AttackEntry): string {
    const own = next() < 0.3 ? `\n## Our notes\n\n${sentence()}, see ${link('procedures')}.\n` : '';
    return (
      `# ${entry.name}\n\n**MITRE ID:** ${entry.id}\n**Tactic:** [[${tactic.name}|${tactic.id} - ${tactic.name}]]\n` +
      `**Platforms:** ${entry.platforms.join(', ') || 'None'}\n**Version:** ${entry.version}\n\n## Description\n\n${entry.description}\n${own}`
    );
  }

  function generatedNote(folder: string, name: string): string {
    const technique = pick(techniques);
    const other = pick(techniques);
    const tactic = pick(tactics);
    const tags = () => `tags: ['${link('tags')}', '${link('tags')}']\n`;
    switch (folder) {
      case 'procedures': {
        // Exports join several ids in one string now and then.
        const ids = next() < 0.3 ? `'${technique.id}, ${other.id}'` : `'[[${technique.id}]]'`;
        const query = next() < 0.1 ? `\n\`\`\`dataview\nTABLE verified FROM "procedures" WHERE contains(mitre_techniques, "${technique.id}")\n\`\`\`\n` : '';
        return `${header('procedure', `name: ${JSON.stringify(name)}\nverified: ${next() > 0.5}\nsubmitted: true\nmitre_tactics: [${tactic.id}]\nmitre_techniques: [${ids}]\ncommands: ['${link('commands')}']\ntools: ['${link('tools')}']\nplatforms: [${pick(PLATFORMS)}]\n${tags()}`)}` +
          `# ${name}\n\n## Summary\n\n${sentence()} #${pick(WORDS)}\n\n## Instructions\n\n**Command** (${link('commands')}):\n\n\`\`\`${pick(EXECUTORS)}\n${sentence()}\n\`\`\`\n\n> [!note] Detection\n> ${sentence()}\n${query}\n## MITRE ATT&CK Mapping\n\n- [[${technique.name}|${technique.id} - ${technique.name}]]\n`;
      }
      case 'commands':
        return `${header('command', `name: ${JSON.stringify(name)}\nexecutor: ${pick(EXECUTORS)}\ndata: ${JSON.stringify(sentence())}\ntools: ['${link('tools')}']\n`)}${sentence()}.\n`;
      case 'codes':
        return `${header('code', `language: python\nverified: true\n`)}\`\`\`python\nprint(${JSON.stringify(sentence())})\n\`\`\`\n`;
      case 'tags':
        return `${header('tag', `name: ${JSON.stringify(name)}\nusage_count: ${Math.floor(next() * 40)}\n`)}${sentence()}.\n`;
      case 'attack-chains':
        return `${header('attack-chain', `name: ${JSON.stringify(name)}\ndescription: "Step 1: ${pick(WORDS)}"\nstep_count: 2\nprocedures: ['${link('procedures')}', '${link('procedures')}']\ntechniques: ['[[${technique.id}]]']\ntactics: ['[[${tactic.id}]]']\n`)}1. ${link('procedures')}\n2. ${link('procedures')}\n`;
      default:
        return `${header(folder.replace(/s$/, ''), `name: ${JSON.stringify(name)}\n${tags()}`)}${sentence()}, see ${link('procedures')} and ==${pick(WORDS)}==.\n`;
    }
  }
}

function uuid(next: () => number): string {
  const hex = () => Math.floor(next() * 16).toString(16);
  const part = (length: number) => Array.from({ length }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-8${part(3)}-${part(12)}`;
}

async function attackEntries(): Promise<AttackEntry[]> {
  const bundle = await loadBundle(MIRRORED_BUNDLE, {}, new ImportReport());
  const entries: AttackEntry[] = [];
  for (const object of bundle.objects) {
    if (object.revoked || object.x_mitre_deprecated) continue;
    const references = object.external_references as { source_name: string; external_id?: string }[] | undefined;
    const id = references?.find((ref) => ref.source_name === 'mitre-attack')?.external_id;
    if (!id || (object.type !== 'x-mitre-tactic' && object.type !== 'attack-pattern')) continue;
    entries.push({
      id,
      name: String(object.name),
      kind: object.type === 'x-mitre-tactic' ? 'tactic' : id.includes('.') ? 'sub-technique' : 'technique',
      description: typeof object.description === 'string' ? object.description : '',
      platforms: Array.isArray(object.x_mitre_platforms) ? object.x_mitre_platforms.map(String) : [],
      version: typeof object.x_mitre_version === 'string' ? object.x_mitre_version : '1.0',
    });
  }
  return entries;
}
