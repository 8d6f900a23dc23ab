/**
 * What helps reading on phones and around links, as data: where identifiers may wrap, which links
 * get previews and what a preview says (on the real vendored data), and the matrices' Navigator layers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { firstSentence, notePreview, objectPreview } from '../../src/exports/link-previews.ts';
import { matrixLayer } from '../../src/exports/matrix-layer.ts';
import { navigatorHref } from '../../src/exports/navigator-layers.ts';
import { breakPoints } from '../../src/lib/break-points.ts';
import type { AttackGraph } from '../../src/lib/graph.ts';
import { isNoteFolderPath, objectPagePath } from '../../src/lib/link-previews.ts';
import { matrixPages } from '../../src/lib/pages/matrix.ts';
import type { AttackObject } from '../../src/model/attack.ts';
import type { Note } from '../../src/model/notes.ts';
import { vendoredGraph } from '../helpers/vendored.ts';

let graph: AttackGraph;
let byId: Map<string, AttackObject>;

beforeAll(async () => {
  graph = await vendoredGraph();
  byId = new Map([...graph.all('technique'), ...graph.all('software')].map((object) => [object.id, object]));
});

function object(kind: 'technique' | 'software' | 'group', attackId: string): AttackObject {
  const found = graph.all(kind).find((candidate) => candidate.attackId === attackId);
  if (!found) throw new Error(`no ${kind} ${attackId}`);
  return found;
}

describe('break points of identifiers', () => {
  it('lets long names wrap after separators and between words of camel case', () => {
    expect(breakPoints('Microsoft-Windows-Sysmon/Operational')).toEqual(['Microsoft-Windows-Sysmon/', 'Operational']);
    expect(breakPoints('WinEventLog:Security')).toEqual(['Win', 'Event', 'Log:', 'Security']);
    expect(breakPoints('SyncAppvPublishingServer')).toEqual(['Sync', 'Appv', 'Publishing', 'Server']);
    expect(breakPoints('WMIEventSubscription')).toEqual(['WMI', 'Event', 'Subscription']);
    expect(breakPoints('LC_LOAD_DYLIB Addition')).toEqual(['LC_', 'LOAD_', 'DYLIB Addition']);
  });

  it('leaves short words and plain text whole, and gives the text back when joined', () => {
    for (const text of ['Process Creation', 'T1059.001', 'EventCode=1', '', 'a  b\tc']) expect(breakPoints(text)).toEqual([text]);
    const channel = 'EventCode=4688 and ProcessName=powershell.exe';
    expect(breakPoints(channel).join('')).toBe(channel);
    expect(breakPoints(channel).length).toBeGreaterThan(1);
  });
});

describe('which links get a preview', () => {
  it('recognises the pages of ATT&CK objects under the base path', () => {
    expect(objectPagePath('/wiki/techniques/T1059/001/', '/wiki/')).toBe('/techniques/T1059/001/');
    expect(objectPagePath('/wiki/groups/G0016/', '/wiki/')).toBe('/groups/G0016/');
    expect(objectPagePath('/detectionstrategies/DET0455/', '/')).toBe('/detectionstrategies/DET0455/');
    for (const other of ['/wiki/techniques/', '/wiki/techniques/enterprise/', '/techniques/T1059/', '/wiki/techniques/t1059/', '/wiki/groups/T1059/']) {
      expect(objectPagePath(other, '/wiki/'), other).toBeUndefined();
    }
    // Analytics have no page of their own; a frozen release's pages have no previews.
    expect(objectPagePath('/wiki/analytics/AN0001/', '/wiki/')).toBeUndefined();
    expect(objectPagePath('/wiki/versions/v17.1/techniques/T1059/', '/wiki/')).toBeUndefined();
  });

  it('recognises notes in the notes’ and procedures’ folders, not the lists', () => {
    expect(isNoteFolderPath('/wiki/notes/tools/dnsrecon/', '/wiki/')).toBe(true);
    expect(isNoteFolderPath('/wiki/procedures/zone-transfer-check/', '/wiki/')).toBe(true);
    expect(isNoteFolderPath('/wiki/notes/', '/wiki/')).toBe(false);
    expect(isNoteFolderPath('/wiki/procedures/', '/wiki/')).toBe(false);
    expect(isNoteFolderPath('/wiki/tags/dns/', '/wiki/')).toBe(false);
  });
});

describe('link previews', () => {
  it('give the first sentence, whatever abbreviations it holds, shortened when it runs long', () => {
    expect(firstSentence('Adversaries may abuse PowerShell, i.e. the shell of Windows, for execution.  It is powerful.')).toBe(
      'Adversaries may abuse PowerShell, i.e. the shell of Windows, for execution.',
    );
    const long = `${'word '.repeat(100)}end.`;
    expect(firstSentence(long).length).toBeLessThanOrEqual(241);
    expect(firstSentence(long).endsWith('…')).toBe(true);
    expect(firstSentence('')).toBe('');
  });

  it('name the kind of each object on the real data', () => {
    expect(objectPreview(object('technique', 'T1059.001'), byId)).toEqual({
      id: 'T1059.001',
      name: 'PowerShell',
      kind: 'Sub-technique of T1059',
      text: 'Adversaries may abuse PowerShell commands and scripts for execution.',
    });
    expect(objectPreview(object('software', 'S0363'), byId)).toMatchObject({ id: 'S0363', name: 'Empire', kind: 'Tool' });
    expect(objectPreview(object('group', 'G0016'), byId)).toMatchObject({ kind: 'Group', text: expect.stringMatching(/^APT29 is .*\.$/) });
    const preview = JSON.stringify(objectPreview(object('group', 'G0016'), byId));
    expect(preview.length).toBeLessThan(400);
  });

  it('tell procedures from other notes', () => {
    const note = { title: 'Zone Transfer Check', kind: 'procedure', excerpt: 'Ask each name server for the zone. Then compare.' } as Note;
    expect(notePreview(note)).toEqual({ name: 'Zone Transfer Check', kind: 'Procedure', text: 'Ask each name server for the zone.' });
  });
});

describe('the matrices’ Navigator layers', () => {
  it('open the matrix of the page: its domain, release and platform', () => {
    const pages = matrixPages(graph, '/wiki/');
    const windows = pages.find((page) => page.domainSlug === 'enterprise' && page.platformSlug === 'windows')!;
    expect(windows.layer).toEqual({ path: '/matrices/enterprise/enterprise-windows-layer.json', href: '/wiki/matrices/enterprise/enterprise-windows-layer.json' });
    const layer = matrixLayer(graph, windows.domain, windows.platform);
    expect(layer).toMatchObject({ name: 'Enterprise ATT&CK 18: Windows', domain: 'enterprise-attack', versions: { attack: '18', layer: '4.5' }, techniques: [] });
    expect(layer.filters.platforms).toEqual(['Windows']);
    const whole = pages.find((page) => page.domainSlug === 'enterprise' && page.platformSlug === undefined)!;
    expect(whole.layer.path).toBe('/matrices/enterprise/enterprise-layer.json');
    expect(matrixLayer(graph, whole.domain, undefined).filters.platforms).toEqual(expect.arrayContaining(['Windows', 'Linux', 'macOS', 'Containers']));
  });

  it('open in the Navigator from the layer’s address', () => {
    expect(navigatorHref('https://kb.example.org/wiki/matrices/enterprise/enterprise-layer.json')).toBe(
      'https://mitre-attack.github.io/attack-navigator/#layerURL=https%3A%2F%2Fkb.example.org%2Fwiki%2Fmatrices%2Fenterprise%2Fenterprise-layer.json',
    );
  });
});
