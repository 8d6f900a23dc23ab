/**
 * The malformed vault corpus (tests/corpus/malformed-vault.ts) through the import: each case gives
 * one warning naming its file, the rest of the vault is imported, and nothing hangs or crashes.
 * Then the cases that stop the import: a vault that is not a folder, and one that cannot be read.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/pipeline/run.ts';
import { MALFORMED_VAULTS } from '../corpus/malformed-vault.ts';
import { bundle, sampleObjects, tempDir, writeBundle } from '../helpers/stix.ts';

let dir: string;
let bundlePath: string;

beforeAll(async () => {
  dir = await tempDir();
  bundlePath = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle(sampleObjects()));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a vault with a malformed note', () => {
  it.each(MALFORMED_VAULTS.map((vault, index) => ({ ...vault, index })))('$name: one warning naming the file, the rest imported', async (vault) => {
    const root = join(dir, `vault-${vault.index}`);
    await vault.write(root);
    await writeFile(join(root, 'Target.md'), '# Target\n\nA good note.\n', { flag: 'wx' }).catch(() => undefined);
    const { collections, report } = await runImport({ bundles: [bundlePath], vault: root });
    const about = report.warnings.filter((warning) => warning.source === join(root, vault.file));
    expect(about.map((warning) => warning.message)).toContainEqual(expect.stringMatching(vault.message));
    if (vault.line !== undefined) expect(about.find((warning) => vault.message.test(warning.message))!.line).toBe(vault.line);
    expect(collections.notes.map((note) => note.title)).toContain('Target');
    await vault.check?.(collections.notes, root);
  });
});

describe('a vault that cannot be read', () => {
  it('stops the build when the vault is a file, naming it', async () => {
    const file = join(dir, 'not-a-folder.md');
    await writeFile(file, '# A note, not a vault\n');
    await expect(runImport({ bundles: [bundlePath], vault: file })).rejects.toThrow(`${file}: the notes vault is not a folder`);
  });

  it('stops the build when the vault does not exist', async () => {
    await expect(runImport({ bundles: [bundlePath], vault: join(dir, 'nowhere') })).rejects.toThrow(/nowhere: cannot read the notes vault \(ENOENT\)/);
  });

  it('leaves out, with a warning each, the folders and notes its user may not read', async () => {
    const root = join(dir, 'locked-vault');
    await mkdir(join(root, 'locked'), { recursive: true });
    await writeFile(join(root, 'Open.md'), 'Readable.\n');
    await writeFile(join(root, 'Secret.md'), 'Unreadable.\n');
    await writeFile(join(root, 'locked', 'Inside.md'), 'Unreachable.\n');
    await chmod(join(root, 'Secret.md'), 0o000);
    await chmod(join(root, 'locked'), 0o000);
    await chmod(dir, 0o755);
    // Permissions do not bind root, so the check runs as another user when the tests run as root.
    const asNobody = process.getuid?.() === 0 && spawnSync('runuser', ['--help']).status === 0;
    const script = `
      import { runImport } from ${JSON.stringify(join(process.cwd(), 'src/pipeline/run.ts'))};
      const { collections, report } = await runImport({ bundles: [${JSON.stringify(bundlePath)}], vault: ${JSON.stringify(root)} });
      console.log(JSON.stringify({ notes: collections.notes.map((note) => note.title), warnings: report.warnings }));`;
    const command = asNobody ? ['runuser', '-u', 'nobody', '--', process.execPath] : [process.execPath];
    const output = execFileSync(command[0]!, [...command.slice(1), '--input-type=module', '-e', script], { encoding: 'utf8', cwd: process.cwd() });
    const { notes, warnings } = JSON.parse(output) as { notes: string[]; warnings: { source: string; message: string }[] };
    expect(notes).toEqual(['Open']);
    expect(warnings).toContainEqual(expect.objectContaining({ source: join(root, 'locked'), message: expect.stringMatching(/^cannot read the folder \(EACCES\)/) }));
    expect(warnings).toContainEqual(expect.objectContaining({ source: join(root, 'Secret.md'), message: expect.stringMatching(/^cannot read the file \(EACCES\)/) }));
  });
});
