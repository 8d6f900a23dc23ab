import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../src/cli/options.ts';
import { MAX_BUNDLE_BYTES } from '../../src/pipeline/sources/bundles.ts';
import { runImport } from '../../src/pipeline/run.ts';
import { ImportError } from '../../src/pipeline/report.ts';
import { bundle, group, relationship, sampleObjects, technique, tempDir, writeBundle } from '../helpers/stix.ts';

let dir: string;

beforeAll(async () => {
  dir = await tempDir();
});

function byAttackId<T extends { attackId: string }>(entries: T[], attackId: string): T {
  const found = entries.find((entry) => entry.attackId === attackId);
  if (!found) throw new Error(`${attackId} not imported`);
  return found;
}

async function importError(bundles: string[]): Promise<ImportError> {
  const error = await runImport({ bundles }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('loading', () => {
  it.each([undefined, 'gz', 'br'] as const)('reads %s-compressed JSON the same as plain', async (compression) => {
    const folder = await mkdtemp(join(dir, 'bundle-'));
    const path = await writeBundle(folder, 'enterprise-attack-15.1.json', bundle(sampleObjects()), compression);
    const { collections } = await runImport({ bundles: [path] });
    expect(collections.techniques.map((t) => t.attackId).sort()).toEqual(['T1059', 'T1059.001']);
    expect(collections.releases).toEqual([
      { id: path, domain: 'enterprise-attack', release: '15.1', specVersion: '2.0', objectCount: 10 },
    ]);
  });

  it('takes the release from the x-mitre-collection object first, then --release, then the file name', async () => {
    const collection = { type: 'x-mitre-collection', id: 'x-mitre-collection--1', spec_version: '2.1', x_mitre_version: '17.0' };
    const withCollection = await writeBundle(await mkdtemp(join(dir, 'bundle-')), 'enterprise-attack-9.9.json', bundle([collection, ...sampleObjects()]));
    const plain = await writeBundle(dir, 'enterprise-attack-9.9.json', bundle(sampleObjects()));
    const unnamed = await writeBundle(dir, 'enterprise.json', bundle(sampleObjects()));

    expect((await runImport({ bundles: [withCollection], release: '1.0' })).collections.releases[0]).toMatchObject({
      release: '17.0',
      specVersion: '2.1',
    });
    expect((await runImport({ bundles: [plain], release: '1.0' })).collections.releases[0]!.release).toBe('1.0');
    expect((await runImport({ bundles: [plain] })).collections.releases[0]!.release).toBe('9.9');
    const { collections, report } = await runImport({ bundles: [unnamed] });
    expect(collections.releases[0]!.release).toBe('unknown');
    expect(report.warnings.map((w) => w.message)).toContain('no release number in the bundle or its name; pass --release');
  });

  it('imports only the releases asked for, reading no bundle whose name says another, and names a release none holds', async () => {
    const folder = await mkdtemp(join(dir, 'releases-'));
    const older = await writeBundle(folder, 'enterprise-attack-15.1.json', bundle(sampleObjects()));
    const newer = await writeBundle(folder, 'enterprise-attack-16.0.json', bundle(sampleObjects()));
    const missing = join(folder, 'enterprise-attack-14.0.json');
    const { releases } = await runImport({ bundles: [missing, older, newer], releases: ['15.1'] });
    expect(releases.map(({ release }) => release)).toEqual(['15.1']);
    const error = await runImport({ bundles: [older, newer], releases: ['18.1'] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/no bundle of release 18\.1 among the bundles \(15\.1, 16\.0\)/);
  });

  it('reads --releases as a list, in one flag or several, and from the config file', async () => {
    expect((await parseOptions(['--releases', '18.0,v18.1', '--releases', '17.1'])).releases).toEqual(['18.0', '18.1', '17.1']);
    expect((await parseOptions([])).releases).toBeUndefined();
    const config = join(await mkdtemp(join(dir, 'config-')), 'kb.config.json');
    await writeFile(config, JSON.stringify({ releases: ['18.1'] }));
    expect((await parseOptions(['--config', config])).releases).toEqual(['18.1']);
    await expect(parseOptions(['--releases', ' , '])).rejects.toBeInstanceOf(UsageError);
  });

  it('fetches bundles from http URLs', async () => {
    const body = JSON.stringify(bundle(sampleObjects()));
    const server = createServer((request, response) => {
      if (request.url === '/enterprise-attack-16.0.json') response.end(body);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { collections } = await runImport({ bundles: [`${origin}/enterprise-attack-16.0.json`] });
      expect(collections.releases[0]).toMatchObject({ id: `${origin}/enterprise-attack-16.0.json`, release: '16.0' });
      const error = await importError([`${origin}/missing.json`]);
      expect(error.message).toBe(`${origin}/missing.json: cannot fetch URL (HTTP 404 Not Found)`);
    } finally {
      server.close();
    }
  });
});

describe('merging domains', () => {
  it('makes one object of a STIX id found in several bundles, with the union of their domains', async () => {
    const shared = group('G0007', 'Shared Group', { x_mitre_domains: ['enterprise-attack', 'mobile-attack'] });
    const mobileTechnique = technique('T1400', 'Mobile Thing', ['execution'], { x_mitre_domains: ['mobile-attack'] });
    const mobileTactic = {
      ...sampleObjects()[1],
      id: 'x-mitre-tactic--mobile-execution',
      x_mitre_domains: ['mobile-attack'],
      external_references: [{ source_name: 'mitre-attack', external_id: 'TA0041' }],
    };
    const enterprise = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle([...sampleObjects(), shared]));
    const mobile = await writeBundle(
      dir,
      'mobile-attack-18.1.json',
      bundle([mobileTactic, mobileTechnique, shared, relationship('uses', shared, mobileTechnique)]),
    );

    const { collections } = await runImport({ bundles: [enterprise, mobile] });

    expect(collections.groups.filter((g) => g.attackId === 'G0007')).toHaveLength(1);
    expect(byAttackId(collections.groups, 'G0007').domains).toEqual(['enterprise-attack', 'mobile-attack']);
    expect(byAttackId(collections.groups, 'G0001').domains).toEqual(['enterprise-attack']);
    expect(collections.releases.map((r) => r.domain)).toEqual(['enterprise-attack', 'mobile-attack']);
    // tactic short names repeat across domains: each technique gets its own domain's "execution"
    expect(byAttackId(collections.techniques, 'T1400').tactics).toEqual(['x-mitre-tactic--mobile-execution']);
    expect(byAttackId(collections.techniques, 'T1059').tactics).toEqual(['x-mitre-tactic--ta0002']);
  });
});

describe('releases', () => {
  /** The sample bundle as release `release`, with T1059.001 renamed and touched in the later one. */
  async function releaseBundle(release: string, name: string, modified: string): Promise<string> {
    const objects = sampleObjects().map((object) =>
      object.id === 'attack-pattern--t1059-001' ? { ...object, name, modified } : object,
    );
    return writeBundle(dir, `enterprise-attack-${release}.json`, bundle(objects));
  }

  it('keeps each release apart, oldest first, and shows the latest', async () => {
    const newer = await releaseBundle('18.1', 'PowerShell', '2025-01-01T00:00:00.000Z');
    const older = await releaseBundle('9.0', 'Windows PowerShell', '2020-01-01T00:00:00.000Z');
    const { releases, collections } = await runImport({ bundles: [newer, older] });
    expect(releases.map((entry) => entry.release)).toEqual(['9.0', '18.1']);
    const names = releases.map((entry) => byAttackId(entry.collections.techniques, 'T1059.001').name);
    expect(names).toEqual(['Windows PowerShell', 'PowerShell']);
    expect(byAttackId(collections.techniques, 'T1059.001').name).toBe('PowerShell');
    // An object is merged by STIX id within its release only: each release has one copy of it.
    for (const entry of releases) expect(entry.collections.techniques.filter((t) => t.attackId === 'T1059.001')).toHaveLength(1);
  });

  it('gives the latest release the same collections whether older releases are loaded or not', async () => {
    const newer = await releaseBundle('18.1', 'PowerShell', '2025-01-01T00:00:00.000Z');
    const older = await releaseBundle('17.1', 'Windows PowerShell', '2024-01-01T00:00:00.000Z');
    const alone = await runImport({ bundles: [newer] });
    const together = await runImport({ bundles: [older, newer] });
    expect(together.releases.at(-1)!.collections).toEqual(alone.releases[0]!.collections);
  });

  it('refuses two bundles of one domain and release, naming both files', async () => {
    const first = await releaseBundle('18.1', 'PowerShell', '2025-01-01T00:00:00.000Z');
    const second = await writeBundle(dir, 'enterprise-attack-v18.1.json', bundle(sampleObjects()));
    const error = await runImport({ bundles: [first, second] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(`${second}: holds enterprise-attack 18.1, as ${first} does: load one bundle per domain and release`);
  });
});

describe('normalizing', () => {
  it('fills the technique model and treats empty strings as absent', async () => {
    const objects = sampleObjects().map((object) =>
      object.id === 'attack-pattern--t1059-001'
        ? {
            ...object,
            x_mitre_version: '',
            x_mitre_permissions_required: ['User', ''],
            x_mitre_contributors: ['Jane Doe, Acme'],
            x_mitre_remote_support: true,
          }
        : object,
    );
    const path = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle(objects));
    const { collections } = await runImport({ bundles: [path] });
    const powershell = byAttackId(collections.techniques, 'T1059.001');
    expect(powershell).toMatchObject({
      name: 'PowerShell',
      path: '/techniques/T1059/001/',
      isSubtechnique: true,
      parent: 'attack-pattern--t1059',
      tactics: ['x-mitre-tactic--ta0002'],
      platforms: ['Windows'],
      permissionsRequired: ['User'],
      contributors: ['Jane Doe, Acme'],
      remoteSupport: true,
      domains: ['enterprise-attack'],
      status: 'active',
      created: '2020-01-01T00:00:00.000Z',
    });
    expect(powershell.version).toBeUndefined();
    expect(powershell.references).toEqual([
      { name: 'Microsoft PowerShell', description: 'Microsoft. (n.d.). PowerShell.', url: 'https://learn.microsoft.com/powershell' },
    ]);
    expect(byAttackId(collections.groups, 'G0001').aliases).toEqual([{ name: 'Sample Bear', description: [] }]);
  });

  it('keeps tactics in matrix column order', async () => {
    const objects = sampleObjects();
    const [matrix] = objects;
    matrix!.tactic_refs = ['x-mitre-tactic--ta0003', 'x-mitre-tactic--ta0002'];
    const both = technique('T1200', 'Both', ['execution', 'persistence']);
    const path = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle([...objects, both]));
    const { collections } = await runImport({ bundles: [path] });
    expect(byAttackId(collections.tactics, 'TA0003').order).toBe(0);
    expect(byAttackId(collections.tactics, 'TA0002').order).toBe(1);
    expect(byAttackId(collections.techniques, 'T1200').tactics).toEqual(['x-mitre-tactic--ta0003', 'x-mitre-tactic--ta0002']);
  });

  it('gives the same bytes for the same input', async () => {
    const path = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle(sampleObjects()));
    const first = JSON.stringify((await runImport({ bundles: [path] })).collections);
    const second = JSON.stringify((await runImport({ bundles: [path] })).collections);
    expect(second).toBe(first);
  });
});

describe('revocations', () => {
  const revoked = (attackId: string) =>
    technique(attackId, `Old ${attackId}`, ['execution'], { revoked: true });

  it('points a revoked object at the end of its chain of replacements', async () => {
    const [a, b] = [revoked('T1001'), revoked('T1002')];
    const current = technique('T1003', 'Current', ['execution']);
    const path = await writeBundle(
      dir,
      'enterprise-attack-18.1.json',
      bundle([...sampleObjects(), a!, b!, current, relationship('revoked-by', a!, b!), relationship('revoked-by', b!, current)]),
    );
    const { collections } = await runImport({ bundles: [path] });
    expect(byAttackId(collections.techniques, 'T1001')).toMatchObject({ status: 'revoked', revokedBy: current.id });
    expect(byAttackId(collections.techniques, 'T1002')).toMatchObject({ status: 'revoked', revokedBy: current.id });
  });

  it('warns about a cycle or a missing replacement instead of failing', async () => {
    const [a, b, c] = [revoked('T1001'), revoked('T1002'), revoked('T1004')];
    const path = await writeBundle(
      dir,
      'enterprise-attack-18.1.json',
      bundle([...sampleObjects(), a!, b!, c!, relationship('revoked-by', a!, b!), relationship('revoked-by', b!, a!)]),
    );
    const { collections, report } = await runImport({ bundles: [path] });
    expect(byAttackId(collections.techniques, 'T1001').revokedBy).toBeUndefined();
    const messages = report.warnings.map((w) => w.message);
    expect(messages).toContain('T1001 is in a cycle of revocations');
    expect(messages).toContain('T1004 is revoked without a replacement');
  });
});

describe('bad input', () => {
  it('names a missing file', async () => {
    const missing = join(dir, 'nope.json');
    expect((await importError([missing])).message).toMatch(new RegExp(`^${missing}: cannot read file \\(ENOENT`));
  });

  it('names a file with invalid JSON', async () => {
    const path = await writeBundle(dir, 'broken.json', '{"type": "bundle", "objects": [');
    expect((await importError([path])).message).toMatch(new RegExp(`^${path}: invalid JSON \\(`));
  });

  it('names a bundle with no objects', async () => {
    const path = await writeBundle(dir, 'empty.json', bundle([]));
    expect((await importError([path])).message).toBe(`${path}: the bundle has no objects`);
  });

  it('names a file that is not a bundle', async () => {
    const path = await writeBundle(dir, 'list.json', '[1, 2, 3]');
    expect((await importError([path])).message).toBe(`${path}: not a STIX bundle (expected an object with "type": "bundle")`);
  });

  it('names an object of a known type without its ATT&CK id', async () => {
    const anonymous = { ...technique('T1999', 'Nameless', ['execution']), external_references: [] };
    const path = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle([...sampleObjects(), anonymous]));
    expect((await importError([path])).message).toBe(
      `${path}: attack-pattern--t1999: attack-pattern "Nameless" has no ATT&CK id (an external reference from mitre-attack with an external_id)`,
    );
  });

  it('names the object and field of a known field with the wrong type', async () => {
    const wrong = { ...technique('T1999', 'Wrong', ['execution']), x_mitre_platforms: 'Windows' };
    const path = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle([...sampleObjects(), wrong]));
    expect((await importError([path])).message).toMatch(
      new RegExp(`^${path}: attack-pattern--t1999: x_mitre_platforms: Invalid input: expected array`),
    );
  });

  it('names a URL that cannot be fetched', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/enterprise-attack.json`;
    await new Promise((resolve) => closed.close(resolve));
    const error = await importError([url]);
    expect(error.message).toBe(`${url}: cannot fetch URL (connect ECONNREFUSED ${new URL(url).host})`);
  });

  it('stops reading a URL past the size limit', async () => {
    const megabyte = Buffer.alloc(2 ** 20, ' ');
    const server = createServer((_, response) => {
      Readable.from(Array.from({ length: MAX_BUNDLE_BYTES / 2 ** 20 + 1 }, () => megabyte)).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/enterprise-attack.json`;
    try {
      expect((await importError([url])).message).toBe(`${url}: larger than 256 MB uncompressed, the most a bundle may hold`);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('reports two active objects claiming one ATT&CK id', async () => {
    const twin = { ...technique('T1059', 'Twin', ['execution']), id: 'attack-pattern--twin' };
    const path = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle([...sampleObjects(), twin]));
    expect((await importError([path])).message).toMatch(/several active objects claim techniques\/T1059$/);
  });

  it('turns warnings into errors with --strict', async () => {
    const dangling = relationship('uses', { id: 'intrusion-set--gone' }, sampleObjects()[3]!);
    const path = await writeBundle(dir, 'enterprise-attack-18.1.json', bundle([...sampleObjects(), dangling]));
    const { report } = await runImport({ bundles: [path] });
    expect(report.warnings.map((w) => w.message)).toContain('uses relationship to missing intrusion-set--gone');
    const error = await runImport({ bundles: [path], strict: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
