/** Search over names and text: abbreviations, the name index, the order of results and why each matched. */
import { describe, expect, it } from 'vitest';
import { abbreviationDefinitions, abbreviationsOfNames, AbbreviationDictionary } from '../../src/lib/search/abbreviations.ts';
import { queryWords } from '../../src/lib/search/exact.ts';
import type { NameEntry, NameFile } from '../../src/lib/search/name-file.ts';
import { NameIndex, WORD_QUALITY } from '../../src/lib/search/name-index.ts';
import { rankResults, textMatches, type TextMatch } from '../../src/lib/search/rank.ts';
import { matchReason } from '../../src/lib/search/reasons.ts';

describe('abbreviations', () => {
  it('reads the words whose initials spell the abbreviation, stop words passed over or taken', () => {
    expect(abbreviationDefinitions('Adversaries may use Remote Desktop Protocol (RDP) to log in.')).toEqual([{ abbreviation: 'RDP', expansion: 'Remote Desktop Protocol' }]);
    expect(abbreviationDefinitions('over a command and control (C2) channel')).toEqual([{ abbreviation: 'C2', expansion: 'command and control' }]);
    expect(abbreviationDefinitions('Pass the hash (PtH) is a method')).toEqual([{ abbreviation: 'PtH', expansion: 'Pass the hash' }]);
    expect(abbreviationDefinitions('Windows User Account Control (UAC) allows')).toEqual([{ abbreviation: 'UAC', expansion: 'User Account Control' }]);
    expect(abbreviationDefinitions('multi-factor authentication (MFA)')).toEqual([{ abbreviation: 'MFA', expansion: 'multi factor authentication' }]);
  });

  it('reads nothing where the initials do not spell it, or it is no abbreviation', () => {
    expect(abbreviationDefinitions('a tool (Mimikatz) and a port (443) and (RDP) alone')).toEqual([]);
    expect(abbreviationDefinitions('LSA Subsystem Service (LSASS)')).toEqual([]);
  });

  it('keeps the meaning the texts give most often', () => {
    const dictionary = new AbbreviationDictionary();
    for (const text of ['ministry of foreign affairs (MFA)', 'multi-factor authentication (MFA)', 'Multi-Factor Authentication (MFA)']) dictionary.add(text);
    expect(dictionary.meanings().get('mfa')).toEqual({ expansion: 'multi factor authentication', abbreviation: 'MFA', count: 2 });
  });

  it('makes an abbreviation of a whole name a name, and the looser ones words of the names', () => {
    const meanings = new Map([
      ['rdp', { expansion: 'remote desktop protocol', abbreviation: 'RDP', count: 6 }],
      ['uac', { expansion: 'user account control', abbreviation: 'UAC', count: 6 }],
      ['os', { expansion: 'operating system', abbreviation: 'OS', count: 9 }],
    ]);
    expect(abbreviationsOfNames(['Remote Services: Remote Desktop Protocol', 'Remote Desktop Protocol'], meanings)).toEqual({ abbreviations: ['RDP'], keywords: [] });
    expect(abbreviationsOfNames(['Bypass User Account Control'], meanings)).toEqual({ abbreviations: [], keywords: ['UAC'] });
    expect(abbreviationsOfNames(['RDP Hijacking'], meanings)).toEqual({ abbreviations: [], keywords: ['remote desktop protocol'] });
    // Two letters mean too many things to be read into names.
    expect(abbreviationsOfNames(['OS Credential Dumping'], meanings)).toEqual({ abbreviations: [], keywords: [] });
  });
});

const ENTRIES: NameEntry[] = [
  { page: 'p0', url: '/techniques/T1505/003/', type: 0, title: 'Server Software Component: Web Shell', id: 'T1505.003', aliases: ['Web Shell'], formerly: [{ name: 'Web Shell', id: 'T1100' }], domains: [0] },
  { page: 'p1', url: '/software/S0002/', type: 1, title: 'Mimikatz', id: 'S0002', domains: [0] },
  { page: 'p2', url: '/techniques/T1003/', type: 0, title: 'OS Credential Dumping', id: 'T1003', domains: [0] },
  { page: 'p3', url: '/techniques/T1003/001/', type: 0, title: 'OS Credential Dumping: LSASS Memory', id: 'T1003.001', aliases: ['LSASS Memory'], domains: [0] },
  { page: 'p4', url: '/groups/G0016/', type: 2, title: 'APT29', id: 'G0016', aliases: ['Cozy Bear'], domains: [0] },
  { page: 'p5', url: '/groups/G0007/', type: 2, title: 'APT28', id: 'G0007', domains: [0] },
  { page: 'p6', url: '/techniques/T1021/001/', type: 0, title: 'Remote Services: Remote Desktop Protocol', id: 'T1021.001', aliases: ['Remote Desktop Protocol'], abbreviations: ['RDP'], domains: [0] },
  { page: 'p7', url: '/techniques/T1548/002/', type: 0, title: 'Abuse Elevation Control Mechanism: Bypass User Account Control', id: 'T1548.002', aliases: ['Bypass User Account Control'], keywords: ['UAC'], domains: [0] },
  { page: 'p8', url: '/detectionstrategies/DET0363/', type: 3, title: 'Detection of Credential Dumping from LSASS Memory via Access', id: 'DET0363', parts: ['AN1000'], domains: [0] },
  { page: 'p9', url: '/techniques/T1056/001/', type: 0, title: 'Input Capture: Keylogging', id: 'T1056.001', aliases: ['Keylogging'], domains: [0] },
  { page: 'p10', url: '/tactics/TA0109/', type: 4, title: 'Lateral Movement', id: 'TA0109', domains: [1] },
  { page: 'p11', url: '/tactics/TA0008/', type: 4, title: 'Lateral Movement', id: 'TA0008', domains: [0] },
  { page: 'p12', url: '/techniques/T1003/002/', type: 0, title: 'OS Credential Dumping: Security Account Manager', id: 'T1003.002', aliases: ['Security Account Manager'], domains: [0] },
];
const FILE: NameFile = { types: ['Technique', 'Software', 'Group', 'Detection Strategy', 'Tactic'], sections: { Technique: 'techniques' }, domains: ['Enterprise', 'ICS'], entries: ENTRIES };
const index = new NameIndex(FILE);
const idOf = (entry: number) => ENTRIES[entry]!.id;

describe('the name index', () => {
  const exact = (query: string) => index.exact(query).map(({ entry, field, text }) => [idOf(entry), field, text]);

  it('finds a page by its id, a part of it, an old id, a name, an alias, an old name or an abbreviation typed whole', () => {
    expect(exact('t1505/003')).toEqual([['T1505.003', 'id', 'T1505.003']]);
    expect(exact('an1000')).toEqual([['DET0363', 'part', 'AN1000']]);
    expect(exact('T1100')).toEqual([['T1505.003', 'formerly id', 'Web Shell (T1100)']]);
    expect(exact('cozy  BEAR')).toEqual([['G0016', 'alias', 'Cozy Bear']]);
    expect(exact('rdp')).toEqual([['T1021.001', 'abbreviation', 'RDP']]);
  });

  it('takes a name written with or without spaces as the same name', () => {
    expect(exact('webshell')).toEqual([['T1505.003', 'alias', 'Web Shell']]);
    expect(exact('apt 29')).toEqual([['G0016', 'title', 'APT29']]);
  });

  it('knows each page’s path, from its type and id where the file leaves it out', () => {
    expect(index.pathOf({ page: 'p', type: 0, title: 'PowerShell', id: 'T1059.001' })).toBe('/techniques/T1059/001/');
    expect(index.pathOf(ENTRIES[1]!)).toBe('/software/S0002/');
  });

  it('lists the sub-techniques of a typed technique id in id order', () => {
    expect(index.family('t1003').map(idOf)).toEqual(['T1003.001', 'T1003.002']);
    expect(index.family('T1003.001')).toEqual([]);
    expect(index.family('mimikatz')).toEqual([]);
  });

  const matched = (query: string) => new Map([...index.match(queryWords(query))].map(([entry, match]) => [idOf(entry), match]));

  it('finds names with one typo in a word of five letters or more, but not in names with digits', () => {
    expect(matched('mimkatz').get('S0002')?.words).toEqual([WORD_QUALITY.typo]);
    expect(matched('apt28').has('G0016')).toBe(false);
    expect(matched('lsas').has('T1003.001')).toBe(true);
    expect(matched('lsas').get('T1003.001')?.words).toEqual([WORD_QUALITY.prefix]);
  });

  it('finds names by the stems of their words, and by abbreviations of parts of them', () => {
    expect(matched('keyloggers').get('T1056.001')?.words[0]).toBeGreaterThan(0);
    expect(matched('uac bypass').get('T1548.002')?.words).toEqual([1, 1]);
  });

  it('scores the name that has most of the query and the least else', () => {
    const found = matched('credential dumping');
    expect(found.get('T1003')).toMatchObject({ words: [1, 1], name: 'OS Credential Dumping' });
    expect(found.get('T1003')!.score).toBeGreaterThan(found.get('T1003.001')!.score);
    // Detection strategies' titles are left to the text search.
    expect(found.has('DET0363')).toBe(false);
  });

  it('says when the query has a whole name of the page and more', () => {
    expect(matched('mimikatz golden ticket').get('S0002')!.named).toBeGreaterThan(0);
    expect(matched('credential dumping').get('T1003')!.named).toBe(0);
  });
});

describe('the order of results', () => {
  const rank = (query: string, text = new Map<number, TextMatch>(), allowed?: Set<number>) => {
    const words = queryWords(query);
    const ranking = rankResults({ ...FILE, words, exact: index.exact(query), family: index.family(query), names: index.match(words), text, allowed });
    return { ids: ranking.results.map(({ entry }) => idOf(entry)), closest: ranking.closest };
  };

  it('puts a whole-query match first, whatever the text says', () => {
    const text = new Map([[1, { score: 1, words: new Set([0]) }]]);
    expect(rank('Cozy Bear', text).ids[0]).toBe('G0016');
  });

  it('puts a parent before its sub-techniques when they match alike, the sub-techniques in id order, detection strategies after', () => {
    const text = new Map([
      [8, { score: 1, words: new Set([0, 1]) }],
      [12, { score: 1, words: new Set([0, 1]) }],
      [3, { score: 0.9, words: new Set([0, 1]) }],
      [2, { score: 0.2, words: new Set([0, 1]) }],
    ]);
    expect(rank('credential dumping', text).ids).toEqual(['T1003', 'T1003.001', 'T1003.002', 'DET0363']);
  });

  it('puts a typed technique id first, then its sub-techniques in id order', () => {
    expect(rank('T1003').ids).toEqual(['T1003', 'T1003.001', 'T1003.002']);
  });

  it('puts Enterprise before ICS on ties', () => {
    expect(rank('lateral movement').ids).toEqual(['TA0008', 'TA0109']);
  });

  it('keeps only what the filters allow', () => {
    expect(rank('lateral movement', undefined, new Set([10])).ids).toEqual(['TA0109']);
  });

  it('gives the closest matches when no page has every word', () => {
    expect(rank('mimikatz qqqqqqqq')).toEqual({ ids: ['S0002'], closest: true });
    expect(rank('mimikatz').closest).toBe(false);
  });
});

describe('text matches', () => {
  it('gives pages of the whole query every word, others the words they were found by, scores scaled to each search best', () => {
    const matches = textMatches(
      [{ id: 'a', score: 10 }],
      [
        { position: 0, results: [{ id: 'a', score: 4 }, { id: 'b', score: 8 }] },
        { position: 1, results: [{ id: 'a', score: 2 }] },
      ],
      2,
    );
    expect([...matches.get('a')!.words]).toEqual([0, 1]);
    expect(matches.get('a')!.score).toBeCloseTo(0.5 + 0.5 * ((4 / 8 + 2 / 2) / 2));
    expect([...matches.get('b')!.words]).toEqual([0]);
    expect(matches.get('b')!.score).toBeCloseTo(0.25);
  });
});

describe('why a result matched', () => {
  const ranked = (query: string, entry: number) => ({ entry, exact: index.exact(query).find((match) => match.entry === entry), covered: 1 });

  it('names the alias, old name or part matched whole, and links to a part', () => {
    expect(matchReason(ranked('cozy bear', 4), ENTRIES[4]!, [], ['cozy', 'bear'])).toEqual({ label: 'Alias', text: 'Cozy Bear' });
    expect(matchReason(ranked('T1100', 0), ENTRIES[0]!, [], ['t1100'])).toEqual({ label: 'Formerly', text: 'Web Shell (T1100)' });
    expect(matchReason(ranked('AN1000', 8), ENTRIES[8]!, [], ['an1000'])).toMatchObject({ label: 'Analytic', text: 'AN1000', anchor: 'AN1000' });
  });

  it('names and links to the row of a table whose text matched, the row of the object the query names first', () => {
    const text = { score: 1, words: new Set([0, 1]) };
    const name = index.match(['apt29', 'powershell']).get(4);
    const places = [
      { title: 'APT29', url: '/groups/G0016/', excerpt: '<mark>APT29</mark> uses <mark>PowerShell-based</mark> tools' },
      { title: 'Techniques Used: PowerShell', url: '/groups/G0016/#techniques-T1059-001', excerpt: '<mark>APT29</mark> has used encoded <mark>PowerShell</mark> scripts' },
      { title: 'Techniques Used: Obfuscation', url: '/groups/G0016/#techniques-T1027', excerpt: '<mark>APT29</mark> has used <mark>PowerShell</mark>, encoded' },
    ];
    expect(matchReason({ entry: 4, name, text, covered: 2 }, ENTRIES[4]!, places, ['apt29', 'powershell'])).toEqual({
      label: 'Name · Techniques Used: PowerShell',
      anchor: 'techniques-T1059-001',
      excerptHtml: places[1]!.excerpt,
    });
  });

  it('names an analytic matched at its anchor by its id', () => {
    const places = [{ title: 'AN1000Windows', url: '/detectionstrategies/DET0363/#AN1000', excerpt: 'reads <mark>lsass</mark> memory' }];
    expect(matchReason({ entry: 8, text: { score: 1, words: new Set([0]) }, covered: 1 }, ENTRIES[8]!, places, ['lsass'])).toMatchObject({ label: 'Analytic AN1000', anchor: 'AN1000' });
  });
});
