/** The Navigator layer files of the full build and the links to them. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LIVE_PAGES } from '../helpers/site-files.ts';

const siteDir = inject('siteDir');
const base = inject('siteBase');

/** Site-relative paths such as `groups/G0016/G0016-enterprise-layer.json`. */
let layerFiles: string[];

beforeAll(async () => {
  // Objects' layers; the coverage and matrix layers are tested with the coverage and the matrix.
  layerFiles = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('-layer.json') && LIVE_PAGES(file) && !file.startsWith('coverage/') && !file.startsWith('matrices/')).sort();
});

async function readLayer(file: string) {
  return JSON.parse(await readFile(join(siteDir, file), 'utf8'));
}

describe('Navigator layer files', () => {
  it.each([
    ['groups/G0016/G0016-enterprise-layer.json', 'APT29 (G0016)', 'enterprise-attack'],
    ['groups/G0034/G0034-ics-layer.json', 'Sandworm Team (G0034)', 'ics-attack'],
    ['software/S0182/S0182-enterprise-layer.json', 'FinFisher (S0182)', 'enterprise-attack'],
    ['software/S0182/S0182-mobile-layer.json', 'FinFisher (S0182)', 'mobile-attack'],
    ['campaigns/C0024/C0024-enterprise-layer.json', 'SolarWinds Compromise (C0024)', 'enterprise-attack'],
    ['mitigations/M1038/M1038-enterprise-layer.json', 'Execution Prevention (M1038)', 'enterprise-attack'],
  ])('%s is a layer of %s', async (file, name, domain) => {
    const layer = await readLayer(file);
    expect(layer).toMatchObject({ name, domain, versions: { attack: '18', layer: '4.5' } });
    expect(layer.techniques.length).toBeGreaterThan(0);
  });

  it('exist only for domains with techniques', () => {
    expect(existsSync(join(siteDir, 'groups/G0007/G0007-enterprise-layer.json'))).toBe(true);
    expect(existsSync(join(siteDir, 'groups/G0007/G0007-mobile-layer.json'))).toBe(false);
  });

  it('are all JSON layers of the domain their name says', async () => {
    expect(layerFiles.length).toBeGreaterThan(1200);
    const slugs = { 'enterprise-attack': 'enterprise', 'mobile-attack': 'mobile', 'ics-attack': 'ics' } as Record<string, string>;
    for (const file of layerFiles) {
      const layer = await readLayer(file);
      expect(file).toMatch(/^(groups|software|campaigns|mitigations)\/([A-Z]\d{4})\/\2-(enterprise|mobile|ics)-layer\.json$/);
      expect(file.endsWith(`-${slugs[layer.domain]}-layer.json`), file).toBe(true);
    }
  });
});

describe('layer links', () => {
  it('on M1013 lead to its two layers under the base path, as downloads', async () => {
    const html = await readFile(join(siteDir, 'mitigations/M1013/index.html'), 'utf8');
    const links = [...html.matchAll(/<a href="([^"]+-layer\.json)" download[^>]*>([^<]+)<\/a>/g)].map((match) => [match[1], match[2]]);
    expect(links).toEqual([
      [`${base}mitigations/M1013/M1013-enterprise-layer.json`, 'Enterprise layer (JSON)'],
      [`${base}mitigations/M1013/M1013-mobile-layer.json`, 'Mobile layer (JSON)'],
    ]);
  });

  it('on every mitigation page match the layer files that were built', async () => {
    const pages = (await readdir(join(siteDir, 'mitigations'), { recursive: true })).filter((file) => file.endsWith('index.html'));
    const linked: string[] = [];
    for (const page of pages) {
      const html = await readFile(join(siteDir, 'mitigations', page), 'utf8');
      linked.push(...[...html.matchAll(/href="([^"]+-layer\.json)"/g)].map((match) => match[1]!.slice(base.length)));
    }
    expect(linked.sort()).toEqual(layerFiles.filter((file) => file.startsWith('mitigations/')));
  });
});
