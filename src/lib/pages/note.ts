/** What a note or procedure page shows: its card, body, commands, tags and backlinks. */
import { isProcedureNote, type Note, type ProcedureNote } from '../../model/notes.ts';
import type { AttackGraph } from '../graph.ts';
import { href, paths } from '../paths.ts';
import { PageReferences, type NumberedReference } from '../references.ts';
import type { Vault } from '../vault.ts';
import { attackLinks, cardRows, formatDate, siteLink, yesNo, type CardRow, type CardValue, type Link } from './common.ts';

export interface CommandBlock {
  name: string;
  href?: string;
  executor?: string;
  code: string;
}

export interface NotePage {
  note: Note;
  breadcrumbs: Link[];
  card: CardRow[];
  html: string;
  commands: CommandBlock[];
  tags: Link[];
  /** The note's citations, numbered: they name references of the ATT&CK objects it is about. */
  references: NumberedReference[];
}

export function notePage(note: Note, graph: AttackGraph, vault: Vault, base: string): NotePage {
  const references = new PageReferences(base);
  const html = references.render(note.html, note.about.flatMap((id) => graph.get(id)?.references ?? []));
  const section = note.kind === 'procedure' ? siteLink(paths.procedures(), base, 'Procedures') : siteLink(paths.notes(), base, 'Notes');
  return {
    note,
    breadcrumbs: [section],
    card: isProcedureNote(note) ? procedureCard(note, graph, vault, base) : noteCard(note, graph, base),
    html,
    commands: commandsOf(note, vault, base),
    tags: note.tags.map((tag) => siteLink(paths.tag(tag), base, `#${tag}`)),
    references: references.list,
  };
}

export function noteLink(note: Note, base: string): Link {
  return siteLink(note.path, base, note.title);
}

function procedureCard(note: ProcedureNote, graph: AttackGraph, vault: Vault, base: string): CardRow[] {
  const { procedure } = note;
  return cardRows([
    ['Tactics', attackLinks(procedure.tactics, graph, base)],
    ['Techniques', attackLinks(procedure.techniques, graph, base)],
    ['Sub-techniques', attackLinks(procedure.subtechniques, graph, base)],
    ['Platforms', procedure.platforms],
    ['Tools', procedure.tools.map((tool) => {
      const target = vault.get(tool.noteId);
      return target ? noteLink(target, base) : tool.title;
    })],
    ['Verified', yesNo(procedure.verified)],
    ['Submitted', yesNo(procedure.submitted)],
    ['Skill Level', procedure.skillLevel],
    ['Impact Level', procedure.impactLevel],
    ['Detection Risk', procedure.detectionRisk],
    ...provenance(note),
  ]);
}

function noteCard(note: Note, graph: AttackGraph, base: string): CardRow[] {
  return cardRows([
    ['Type', note.type],
    ['About', attackLinks(note.about, graph, base)],
    ['Also Known As', note.aliases],
    ...note.properties.map(({ label, values }): [string, CardValue] => [
      label,
      values.map((value) => (value.path ? siteLink(value.path, base, value.text) : value.text)),
    ]),
    ...provenance(note),
  ]);
}

function provenance(note: Note): [string, CardValue | undefined][] {
  return [
    ['File', note.file],
    ['Created', formatDate(note.created)],
    ['Updated', formatDate(note.updated)],
  ];
}

/** A command note's own command, or the commands a procedure names. */
function commandsOf(note: Note, vault: Vault, base: string): CommandBlock[] {
  if (note.command) return [{ name: 'Command', executor: note.command.executor, code: note.command.code }];
  if (!isProcedureNote(note)) return [];
  return note.procedure.commands.map((command) => {
    const target = vault.get(command.noteId);
    return { name: command.name, href: target && href(base, target.path), executor: command.executor, code: command.code };
  });
}
