/**
 * The cost of the worst inputs: each malformed vault of the corpus, and notes at the size limit
 * in the shapes that cost the markdown parser most, imported one at a time in a child process
 * (with the smallest ATT&CK bundle), timed, with the process's peak memory where GNU time is
 * there to tell it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MALFORMED_VAULTS } from '../../tests/corpus/malformed-vault.ts';
import { MAX_MARKDOWN_NOTE_CHARS } from '../pipeline/render/notes.ts';

const BUNDLE = 'content/attack/ics-attack-18.1.json.br';
const GNU_TIME = '/usr/bin/time';

export interface CaseCost {
  name: string;
  seconds: number;
  /** Peak resident memory of the import, in MB, when it could be measured. */
  peakMegabytes?: number;
  failed: boolean;
}

/** Lines repeated up to the note size limit, each a shape that is slow to parse. */
const DENSE_SHAPES: Record<string, (line: number) => string> = {
  prose: (n) => `Words with [[T0800]], [[Other note|an alias]], #tag/nested, **bold**, ==mark==, \`code\` and [a link](Other.md) ${n}.`,
  callouts: (n) => `> [!note] Callout ${n}\n> body ${n}\n`,
  emphasis: () => '*a _b *c _d* e_ f* g_ '.repeat(8),
  headings: (n) => `# Heading ${n}\n[[#Heading ${n}]]`,
  table: (n) => (n === 0 ? '| a | b | c |\n|---|---|---|' : `| [[Note ${n}]] | **x${n}** | \`c\` |`),
  wikilinks: (n) => Array.from({ length: 10 }, (_, i) => `[[Note ${n}-${i}]]`).join(' '),
};

function denseNote(shape: (line: number) => string): string {
  const lines: string[] = [];
  let size = 0;
  for (let n = 0; size < MAX_MARKDOWN_NOTE_CHARS - 200; n++) {
    const line = shape(n);
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

export async function measureMalformedInputs(work: string): Promise<CaseCost[]> {
  const costs: CaseCost[] = [];
  for (const [index, vault] of MALFORMED_VAULTS.entries()) {
    const root = join(work, `malformed-${index}`);
    await vault.write(root);
    costs.push(importCost(vault.name, root, work));
  }
  for (const [name, shape] of Object.entries(DENSE_SHAPES)) {
    const root = join(work, `dense-${name}`);
    await mkdir(root, { recursive: true });
    await writeFile(join(root, 'Dense.md'), denseNote(shape));
    costs.push(importCost(`a note of ${MAX_MARKDOWN_NOTE_CHARS / 1024} KiB of ${name}`, root, work));
  }
  return costs;
}

function importCost(name: string, vault: string, work: string): CaseCost {
  const command = [process.execPath, 'scripts/import.ts', '--bundle', BUNDLE, '--vault', vault, '--generated', join(work, 'generated')];
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const result = spawnSync(timed ? GNU_TIME : command[0]!, timed ? ['-f', 'peak-kb %M', ...command] : command.slice(1), {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const peak = /peak-kb (\d+)/.exec(result.stderr ?? '')?.[1];
  return { name, seconds, peakMegabytes: peak ? Number(peak) / 1024 : undefined, failed: result.status !== 0 };
}
