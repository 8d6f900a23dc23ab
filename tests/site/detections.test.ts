/**
 * The full build's detection pages and exports: the T1059.001 page lists its Sigma rules and atomic
 * tests, the spreadsheet and CSVs read back (ExcelJS, csv-parse) with attackToExcel's columns and
 * the row counts of an independent reading of the bundle, coverage CSV and layer agree, no page of
 * the new parts is over 500 KB.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_ATOMICS, DEFAULT_SIGMA } from '../../src/cli/options.ts';
import { atomicTestCount, packedFiles, taggedIds } from '../helpers/packed-rules.ts';

const siteDir = inject('siteDir');
const ENTERPRISE = 'downloads/enterprise-attack-18.1';

type Raw = Record<string, unknown>;
let bundle: Raw[];

beforeAll(async () => {
  bundle = JSON.parse(brotliDecompressSync(await readFile('content/attack/enterprise-attack-18.1.json.br')).toString('utf8')).objects;
});

/** Objects of these types that attackToExcel lists: not revoked, not deprecated, with an ATT&CK id. */
function current(...types: string[]): Raw[] {
  return bundle.filter(
    (object) =>
      types.includes(String(object.type)) &&
      object.revoked !== true &&
      object.x_mitre_deprecated !== true &&
      String((object.external_references as Raw[] | undefined)?.[0]?.source_name ?? '').startsWith('mitre'),
  );
}

async function readCsv(file: string): Promise<string[][]> {
  return parse(await readFile(join(siteDir, file), 'utf8'), { relax_column_count: false });
}

describe('the technique page of T1059.001', () => {
  it('lists its Sigma rules and atomic tests, as many as the packed files hold', async () => {
    const html = await readFile(join(siteDir, 'techniques/T1059/001/index.html'), 'utf8');
    const rules = (await packedFiles(DEFAULT_SIGMA)).filter((file) => taggedIds(file.text).includes('T1059.001')).length;
    const tests = atomicTestCount((await packedFiles(DEFAULT_ATOMICS)).find((file) => file.path === 'T1059.001/T1059.001.yaml')!.text);
    const count = (id: string) => new RegExp(`id="${id}"><a class="anchor" href="#${id}">[^<]+</a>\\s*<span class="count"[^>]*>(\\d+)</span>`).exec(html)?.[1];
    expect(count('sigma-rules')).toBe(String(rules));
    expect(count('atomic-tests')).toBe(String(tests));
    expect(html).toContain('href="/wiki/sigma/techniques/T1059/001/"');
    expect(html).toContain('id="telemetry"');
  });
});

describe('the Enterprise spreadsheet and CSVs', () => {
  const sheets: [string, string[]][] = [
    ['techniques', ['attack-pattern']],
    ['tactics', ['x-mitre-tactic']],
    ['software', ['malware', 'tool']],
    ['groups', ['intrusion-set']],
    ['campaigns', ['campaign']],
    ['mitigations', ['course-of-action']],
    ['detectionstrategies', ['x-mitre-detection-strategy']],
    ['analytics', ['x-mitre-analytic']],
    ['datacomponents', ['x-mitre-data-component']],
  ];

  it('opens in ExcelJS with a sheet per kind, attackToExcel’s columns and a row per current object', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(siteDir, `${ENTERPRISE}.xlsx`));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...sheets.map(([name]) => name), 'relationships', 'citations']);
    for (const [name, types] of sheets) {
      const sheet = workbook.getWorksheet(name)!;
      expect((sheet.getRow(1).values as string[]).slice(1, 6), name).toEqual(['ID', 'STIX ID', 'name', 'description', 'url']);
      expect(sheet.actualRowCount - 1, name).toBe(current(...types).length);
    }
    const techniques = workbook.getWorksheet('techniques')!;
    const header = techniques.getRow(1).values as string[];
    expect(header).toEqual(expect.arrayContaining(['tactics', 'detection', 'platforms', 'data sources', 'is sub-technique', 'sub-technique of', 'CAPEC ID']));
    const powershell = techniques.getRows(2, techniques.actualRowCount - 1)!.find((row) => row.getCell(1).value === 'T1059.001')!;
    expect(powershell.getCell(header.indexOf('name')).value).toBe('Command and Scripting Interpreter: PowerShell');
    expect(powershell.getCell(header.indexOf('sub-technique of')).value).toBe('T1059');
  });

  it('has a CSV per sheet with the same columns and rows', async () => {
    for (const [name, types] of sheets) {
      const [header, ...rows] = await readCsv(`${ENTERPRISE}-${name}.csv`);
      expect(header!.slice(0, 3), name).toEqual(['ID', 'STIX ID', 'name']);
      expect(rows.length, name).toBe(current(...types).length);
    }
    const [header, ...relationships] = await readCsv(`${ENTERPRISE}-relationships.csv`);
    expect(header).toEqual(['source ID', 'source name', 'source type', 'mapping type', 'target ID', 'target name', 'target type', 'mapping description', 'STIX ID', 'created', 'last modified']);
    const ids = new Set([...current('attack-pattern', 'x-mitre-tactic', 'malware', 'tool', 'intrusion-set', 'campaign', 'course-of-action', 'x-mitre-detection-strategy', 'x-mitre-analytic', 'x-mitre-data-component', 'x-mitre-data-source', 'x-mitre-matrix', 'x-mitre-asset')].map((object) => object.id));
    const allRelationships = bundle.filter((object) => object.type === 'relationship' && object.revoked !== true && object.x_mitre_deprecated !== true);
    const expected = allRelationships.filter((relationship) => ids.has(relationship.source_ref) && ids.has(relationship.target_ref) && relationship.relationship_type !== 'subtechnique-of');
    expect(relationships.length).toBe(expected.length);
  });
});

describe('coverage and object files', () => {
  it('gives the same counts in the coverage CSV and the Navigator layer', async () => {
    const [header, ...rows] = await readCsv('coverage/enterprise-coverage.csv');
    const layer = JSON.parse(await readFile(join(siteDir, 'coverage/enterprise-coverage-layer.json'), 'utf8'));
    const sigma = header!.indexOf('Sigma rules');
    const row = rows.find((each) => each[0] === 'T1059.001')!;
    const technique = layer.techniques.find((each: { techniqueID: string }) => each.techniqueID === 'T1059.001');
    expect(technique.metadata).toContainEqual({ name: 'Sigma rules', value: row[sigma] });
    expect(technique.score).toBe(Number(row[header!.indexOf('Sources')]));
    expect(layer.techniques).toHaveLength(rows.length);
  });

  it('writes each object’s STIX and normalized JSON beside its page', async () => {
    const stix = JSON.parse(await readFile(join(siteDir, 'techniques/T1059/001/T1059.001-stix.json'), 'utf8'));
    const normalized = JSON.parse(await readFile(join(siteDir, 'techniques/T1059/001/T1059.001.json'), 'utf8'));
    expect(stix).toEqual(bundle.find((object) => object.id === stix.id));
    expect(normalized).toMatchObject({ id: stix.id, attackId: 'T1059.001', type: 'technique' });
  });

  it('keeps every page of the new parts under 500 KB', async () => {
    const sizes: [string, number][] = [];
    for (const part of ['sigma', 'atomics', 'coverage', 'compare', 'downloads']) {
      for (const file of (await readdir(join(siteDir, part), { recursive: true })).filter((each) => each.endsWith('.html'))) {
        sizes.push([`${part}/${file}`, (await stat(join(siteDir, part, file))).size]);
      }
    }
    expect(sizes.length).toBeGreaterThan(3000);
    expect(sizes.filter(([, size]) => size > 500 * 1024)).toEqual([]);
    expect((await stat(join(siteDir, 'compare/usage.json'))).size).toBeLessThan(300 * 1024);
  });
});
