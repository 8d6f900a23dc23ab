/**
 * What a release means for the team's notes, on the vendored releases (17.1, 18.0, 18.1): the
 * notes' links whose object a release revoked, deprecated, renamed or gave a new major version,
 * as the import lists them and as `/changes/<pair>/notes/` shows them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AttackGraph } from '../../src/lib/graph.ts';
import type { HistoryIndex } from '../../src/lib/history.ts';
import { notesChangesPage, notesChangesSummary } from '../../src/lib/pages/notes-changes.ts';
import { Vault } from '../../src/lib/vault.ts';
import type { Note } from '../../src/model/notes.ts';
import { notesReleaseChanges, type LinkUse } from '../../src/pipeline/vault/release-changes.ts';
import { vendoredHistory, vendoredReleases } from '../helpers/vendored.ts';

let history: HistoryIndex;
let graphs: Map<string, AttackGraph>;

beforeAll(async () => {
  history = await vendoredHistory();
  graphs = new Map((await vendoredReleases()).map(({ release, collections }) => [release, new AttackGraph(collections)]));
});

const graph = (release: string) => graphs.get(release)!;
const stixId = (kind: 'technique' | 'datasource', attackId: string) => graph('18.1').byAttack(kind, attackId)!.id;

function note(file: string, title: string): Note {
  const id = file.replace(/\.md$/, '');
  return {
    kind: 'note', id, file, path: `/notes/${id.toLowerCase().replace(/\W+/g, '-')}/` as Note['path'], title, aliases: [], tags: [], properties: [],
    html: [], excerpt: '', about: [], teamHtml: [], mapped: [], linksToNotes: [], linksToAttack: [],
  };
}

const notes = [note('playbook.md', 'Playbook'), note('commands/history.md', 'Shell hygiene')];

function uses(): LinkUse[] {
  return [
    { file: 'playbook.md', line: 3, text: '[[T1597.001]]', id: stixId('technique', 'T1597.001') },
    { file: 'playbook.md', line: 5, text: '[[DS0029|Network Traffic]]', id: stixId('datasource', 'DS0029') },
    { file: 'playbook.md', line: 5, text: '[[DS0029|Network Traffic]]', id: stixId('datasource', 'DS0029') },
    { file: 'playbook.md', line: 9, text: '[[T1059.001]]', id: stixId('technique', 'T1059.001') },
    { file: 'playbook.md', line: 11, text: '[[T1574.002]]', id: stixId('technique', 'T1574.002') },
    { file: 'commands/history.md', line: 2, text: '[[T1552.003|Bash History]]', id: stixId('technique', 'T1552.003') },
    { file: 'commands/history.md', text: 'T1082', id: stixId('technique', 'T1082') },
    { file: 'unpublished.md', line: 1, text: '[[T1082]]', id: stixId('technique', 'T1082') },
  ];
}

describe('the notes’ links that a release changed', () => {
  it('lists, per pair, the links to deprecated, renamed and new-major objects, most pressing first, once each', () => {
    const [first, second] = notesReleaseChanges(history, notes, uses());
    expect(first!.from).toBe('17.1');
    expect(first!.links.map((link) => [link.change, link.file, link.line, link.object.attackId])).toEqual([
      ['deprecated', 'playbook.md', 5, 'DS0029'],
      ['renamed', 'commands/history.md', 2, 'T1552.003'],
      ['major', 'playbook.md', 3, 'T1597.001'],
      ['major', 'commands/history.md', undefined, 'T1082'],
    ]);
    expect(first!.links.find((link) => link.change === 'renamed')).toEqual({
      note: 'commands/history',
      file: 'commands/history.md',
      line: 2,
      text: '[[T1552.003|Bash History]]',
      change: 'renamed',
      object: { id: stixId('technique', 'T1552.003'), attackId: 'T1552.003', name: 'Bash History' },
      newName: 'Shell History',
      versionChange: '1.2 → 2.0',
    });
    expect(second).toEqual({ from: '18.0', to: '18.1', links: [] });
  });

  it('shows each with the note, where it is written, what happened and the page to link to or check', () => {
    const [first, second] = notesReleaseChanges(history, notes, uses());
    const data = (from: string, to: string) => ({
      pair: history.changesInto(to)!,
      vault: new Vault(notes),
      history,
      graphs: { from: graph(from), to: graph(to), live: graph('18.1') },
    });
    const page = notesChangesPage(first!, data('17.1', '18.0'), '/wiki/');
    expect(page.counts).toEqual([
      { label: 'Deprecated', value: '1 link in 1 note' },
      { label: 'Renamed', value: '1 link in 1 note' },
      { label: 'Major version change', value: '2 links in 2 notes' },
    ]);
    expect(page.table.rows[1]!.cells).toEqual([
      { text: 'Shell hygiene', href: '/wiki/notes/commands-history/' },
      'commands/history.md:2',
      { code: '[[T1552.003|Bash History]]' },
      'T1552.003 renamed from Bash History to Shell History (version 1.2 → 2.0)',
      [
        { text: 'T1552.003 Shell History', href: '/wiki/techniques/T1552/003/' },
        { text: 'what changed', href: '/wiki/changes/v17.1-v18.0/techniques/T1552/003/' },
      ],
    ]);
    expect(page.table.rows[0]!.cells[3]).toBe('DS0029 Network Traffic deprecated, with no replacement');
    expect(page.table.source).toBeUndefined();
    expect(notesChangesSummary(first)).toBe('4 links in 2 notes to check');
    expect(notesChangesPage(second!, data('18.0', '18.1'), '/').table.rows).toEqual([]);
    expect(notesChangesSummary(second)).toBe('no link to change');
    expect(notesChangesSummary(undefined)).toBe('no notes vault imported');
  });
});
