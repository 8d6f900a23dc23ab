/** ATT&CK Navigator layers on the real vendored ATT&CK 18.1 data, checked against layer format 4.5. */
import { z } from 'astro/zod';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackGraph } from '../../src/lib/graph.ts';
import { layerFiles, layerObjects, navigatorLayer, type LayerObject } from '../../src/exports/navigator-layers.ts';
import { Vault } from '../../src/lib/vault.ts';
import { DOMAINS, type Domain } from '../../src/model/attack.ts';
import { vendoredGraph } from '../helpers/vendored.ts';

let graph: AttackGraph;

beforeAll(async () => {
  graph = await vendoredGraph();
});

/**
 * Layer format 4.5 as published (attack-navigator, layers/spec/v4.5/layerformat.md): required
 * fields, types and allowed values; unknown fields are errors, so a misspelt name fails. The
 * spec's list of platform names predates ATT&CK 18 ("Azure AD", "Office 365"), so platforms are
 * checked against the loaded data instead, in `expectValidLayer`.
 */
const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/);
const divider = z.strictObject({ divider: z.boolean() });
const metadata = z.array(z.union([z.strictObject({ name: z.string(), value: z.string() }), divider]));
const links = z.array(z.union([z.strictObject({ label: z.string(), url: z.string().regex(/^[a-z][a-z0-9+.-]*:\/\//i) }), divider]));
const atLeast490 = (version: string) => {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 4 || (major === 4 && minor >= 9);
};

const layerFormat45 = z.strictObject({
  name: z.string().min(1),
  versions: z
    .strictObject({
      attack: z.string().optional(),
      navigator: z.string().regex(/^\d+\.\d+\.\d+$/).refine(atLeast490, 'navigator must be at least 4.9.0'),
      layer: z.literal('4.5'),
    })
    .optional(),
  domain: z.enum(['enterprise-attack', 'mobile-attack', 'ics-attack']),
  description: z.string().optional(),
  customDataURL: z.string().optional(),
  filters: z.strictObject({ platforms: z.array(z.string()).optional() }).optional(),
  sorting: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]).optional(),
  layout: z
    .strictObject({
      layout: z.enum(['side', 'flat', 'mini']).optional(),
      showID: z.boolean().optional(),
      showName: z.boolean().optional(),
      showAggregateScores: z.boolean().optional(),
      countUnscored: z.boolean().optional(),
      aggregateFunction: z.enum(['average', 'min', 'max', 'sum']).optional(),
      expandedSubtechniques: z.enum(['none', 'all', 'annotated']).optional(),
    })
    .optional(),
  hideDisabled: z.boolean().optional(),
  techniques: z
    .array(
      z.strictObject({
        techniqueID: z.string().regex(/^T\d{4}(\.\d{3})?$/),
        tactic: z.string().regex(/^[a-z]+(-[a-z]+)*$/).optional(),
        comment: z.string().optional(),
        enabled: z.boolean().optional(),
        score: z.number().optional(),
        color: z.union([hexColor, z.literal('')]).optional(),
        metadata: metadata.optional(),
        links: links.optional(),
        showSubtechniques: z.boolean().optional(),
      }),
    )
    .optional(),
  gradient: z
    .strictObject({ colors: z.array(hexColor).min(2), minValue: z.number(), maxValue: z.number() })
    .refine((gradient) => gradient.maxValue > gradient.minValue, 'maxValue must be > minValue')
    .optional(),
  legendItems: z.array(z.strictObject({ label: z.string(), color: hexColor })).optional(),
  showTacticRowBackground: z.boolean().optional(),
  tacticRowBackground: hexColor.optional(),
  selectTechniquesAcrossTactics: z.boolean().optional(),
  selectSubtechniquesWithParent: z.boolean().optional(),
  selectVisibleTechniques: z.boolean().optional(),
  metadata: metadata.optional(),
  links: links.optional(),
});

function find(attackId: string): LayerObject {
  const type = ({ G: 'group', S: 'software', C: 'campaign', M: 'mitigation' } as const)[attackId[0] as 'G' | 'S' | 'C' | 'M'];
  const found = graph.byAttack(type, attackId);
  if (!found) throw new Error(`no ${attackId}`);
  return found;
}

function layer(attackId: string, domain: Domain) {
  return navigatorLayer({ graph, vault: new Vault([]) }, find(attackId), domain);
}

function domainsWithLayers(attackId: string): Domain[] {
  return layerFiles({ graph, vault: new Vault([]) }, find(attackId)).map((file) => file.domain);
}

/** The layer as a downloaded file, checked against the format and against the loaded data. */
function expectValidLayer(attackId: string, domain: Domain) {
  const parsed = layerFormat45.parse(JSON.parse(JSON.stringify(layer(attackId, domain))));
  const domainPlatforms = new Set(graph.active('technique', domain).flatMap((technique) => technique.platforms));
  expect(parsed.filters?.platforms?.filter((platform) => !domainPlatforms.has(platform))).toEqual([]);
  for (const { techniqueID } of parsed.techniques ?? []) {
    const technique = graph.byAttack('technique', techniqueID);
    expect(technique?.status, techniqueID).toBe('active');
    expect(technique?.domains).toContain(domain);
    // A technique the data gives no platform (ICS has some) is one the filter cannot hide.
    if (technique!.platforms.length > 0) expect(technique!.platforms.some((platform) => parsed.filters?.platforms?.includes(platform)), techniqueID).toBe(true);
  }
  return parsed;
}

describe('layer files', () => {
  it('sit next to the object page, one per domain with techniques, as on attack.mitre.org', () => {
    expect(layerFiles({ graph, vault: new Vault([]) }, find('G0016'))).toEqual([
      { domain: 'enterprise-attack', path: '/groups/G0016/G0016-enterprise-layer.json' },
    ]);
    expect(layerFiles({ graph, vault: new Vault([]) }, find('M1038'))[0]!.path).toBe('/mitigations/M1038/M1038-enterprise-layer.json');
    expect(layerFiles({ graph, vault: new Vault([]) }, find('C0024'))[0]!.path).toBe('/campaigns/C0024/C0024-enterprise-layer.json');
    expect(layerFiles({ graph, vault: new Vault([]) }, find('S0182')).map((file) => file.path)).toEqual([
      '/software/S0182/S0182-enterprise-layer.json',
      '/software/S0182/S0182-mobile-layer.json',
    ]);
  });

  it('give a software in two domains two layers', () => {
    expect(find('S0182').domains).toEqual(['enterprise-attack', 'mobile-attack']);
    expect(domainsWithLayers('S0182')).toEqual(['enterprise-attack', 'mobile-attack']);
    expect(layer('S0182', 'mobile-attack').techniques.map((technique) => technique.techniqueID)).toContain('T1429');
    expect(layer('S0182', 'enterprise-attack').techniques.map((technique) => technique.techniqueID)).toContain('T1012');
  });

  it('leave out a domain in which the object has no technique', () => {
    expect(find('G0007').domains).toEqual(['enterprise-attack', 'mobile-attack']);
    expect(domainsWithLayers('G0007')).toEqual(['enterprise-attack']);
    expect(layer('G0007', 'mobile-attack').techniques).toEqual([]);
    expect(domainsWithLayers('G0017')).toEqual([]);
  });

  it('cover every domain of a group active in all three', () => {
    expect(domainsWithLayers('G0034')).toEqual(DOMAINS);
  });

  it('exist for active groups, software, campaigns and mitigations only', () => {
    const objects = layerObjects(graph);
    expect(new Set(objects.map((object) => object.type))).toEqual(new Set(['group', 'software', 'campaign', 'mitigation']));
    expect(objects.every((object) => object.status === 'active')).toBe(true);
    expect(objects.filter((object) => object.type === 'mitigation')).toHaveLength(108);
    expect(objects.flatMap((object) => layerFiles({ graph, vault: new Vault([]) }, object)).length).toBeGreaterThan(1200);
  });
});

describe('layer content', () => {
  it('lists what G0016 uses, sub-techniques by their own ids, with the relationship text as comment', () => {
    const apt29 = layer('G0016', 'enterprise-attack');
    expect(apt29.name).toBe('APT29 (G0016)');
    expect(apt29.description).toMatch(/^Enterprise techniques used by APT29, ATT&CK group G0016 v\d+\.\d+$/);
    expect(apt29.versions).toEqual({ attack: '18', navigator: '5.2.0', layer: '4.5' });
    expect(apt29.legendItems).toEqual([{ label: 'used by APT29', color: '#66b1ff' }]);
    const powershell = apt29.techniques.find((technique) => technique.techniqueID === 'T1059.001');
    expect(powershell).toMatchObject({
      score: 1,
      color: '#66b1ff',
      enabled: true,
      // Its own use, then the use of a campaign attributed to it.
      comment: expect.stringMatching(/^APT29 has used encoded PowerShell scripts uploaded to CozyCar installations to download and install SeaDuke\.\n\nDuring the SolarWinds Compromise, APT29 used PowerShell/),
    });
    expect(apt29.techniques.every((technique) => !technique.comment.includes('(Citation'))).toBe(true);
  });

  it('lists the techniques M1038 mitigates and expands parents whose sub-techniques are listed', () => {
    const executionPrevention = layer('M1038', 'enterprise-attack');
    expect(executionPrevention.description).toMatch(/^Enterprise techniques mitigated by Execution Prevention, ATT&CK mitigation M1038/);
    const ids = executionPrevention.techniques.map((technique) => technique.techniqueID);
    expect(ids).toEqual(expect.arrayContaining(['T1059', 'T1059.001', 'T1204.002', 'T1218.005']));
    expect(ids.length).toBeGreaterThan(50);
    const byId = new Map(executionPrevention.techniques.map((technique) => [technique.techniqueID, technique]));
    expect(byId.get('T1059')!.showSubtechniques).toBe(true);
    expect(byId.get('T1059.001')!.showSubtechniques).toBe(false);
    expect(byId.get('T1047')!.showSubtechniques).toBe(false);
  });

  it('lists a campaign’s techniques in ATT&CK id order', () => {
    const solarWinds = layer('C0024', 'enterprise-attack');
    expect(solarWinds.description).toContain('ATT&CK campaign C0024');
    const ids = solarWinds.techniques.map((technique) => technique.techniqueID);
    expect(ids.length).toBeGreaterThan(50);
    expect(ids.indexOf('T1003.006')).toBeLessThan(ids.indexOf('T1005'));
  });

  it.each([
    ['G0016', 'enterprise-attack'],
    ['G0034', 'mobile-attack'],
    ['G0034', 'ics-attack'],
    ['S0182', 'mobile-attack'],
    ['S0038', 'ics-attack'],
    ['C0024', 'enterprise-attack'],
    ['C0025', 'ics-attack'],
    ['M1038', 'enterprise-attack'],
    ['M1013', 'mobile-attack'],
  ] as const)('%s %s follows layer format 4.5', (attackId, domain) => {
    const parsed = expectValidLayer(attackId, domain);
    expect(parsed.domain).toBe(domain);
    expect(parsed.techniques?.length).toBeGreaterThan(0);
  });

  it('fails the format check on a wrong field name or type', () => {
    const valid = JSON.parse(JSON.stringify(layer('G0016', 'enterprise-attack')));
    expect(layerFormat45.safeParse(valid).success).toBe(true);
    expect(layerFormat45.safeParse({ ...valid, technique: valid.techniques }).success).toBe(false);
    expect(layerFormat45.safeParse({ ...valid, sorting: '0' }).success).toBe(false);
    expect(layerFormat45.safeParse({ ...valid, versions: { ...valid.versions, layer: '4.4' } }).success).toBe(false);
    expect(layerFormat45.safeParse({ ...valid, techniques: [{ techniqueId: 'T1059' }] }).success).toBe(false);
    expect(layerFormat45.safeParse({ ...valid, techniques: [{ techniqueID: 'T1059', score: '1' }] }).success).toBe(false);
    expect(layerFormat45.safeParse({ ...valid, gradient: { ...valid.gradient, maxValue: 0 } }).success).toBe(false);
  });
});
