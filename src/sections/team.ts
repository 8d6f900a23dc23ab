/** The team's own content on an ATT&CK page: the procedures of the notes vault mapped to the object. */
import { yesNo } from '../lib/pages/common.ts';
import { href } from '../lib/paths.ts';
import type { ProcedureNote } from '../model/notes.ts';
import { KINDS, type ObjectPageKind } from '../model/kinds.ts';
import type { Section } from './types.ts';

export const teamProcedures: Section<ObjectPageKind, ProcedureNote> = {
  id: 'team-procedures',
  title: 'Procedures',
  always: true,
  rows: (object, { vault }) => vault.proceduresFor(object.id),
  view: (rows, heading, object, { base }) =>
    rows.length > 0
      ? {
          view: 'table',
          ...heading,
          count: rows.length,
          unindexed: true,
          note: [`The team’s own procedures for this ${KINDS[object.type].labels.singular.toLowerCase()}, from the notes vault.`],
          caption: "The team's procedures",
          headers: ['Procedure', 'Platforms', 'Verified', 'Summary'],
          rows: rows.map((note) => ({
            cells: [{ text: note.title, href: href(base, note.path) }, note.procedure.platforms, yesNo(note.procedure.verified) ?? '', note.excerpt],
          })),
        }
      : undefined,
};
