/**
 * The team's own content on an ATT&CK page: the procedures of the notes vault mapped to the object,
 * the first SHOWN_PROCEDURES of them, with a link to all of them on the procedures list.
 */
import { yesNo, type Link } from '../lib/pages/common.ts';
import { href, paths } from '../lib/paths.ts';
import type { ProcedureNote } from '../model/notes.ts';
import type { AttackObject } from '../model/attack.ts';
import { KINDS, type ObjectPageKind } from '../model/kinds.ts';
import type { Section } from './types.ts';

/** Procedures a page shows; a vault may map hundreds to one technique. */
export const SHOWN_PROCEDURES = 50;

export const teamProcedures: Section<ObjectPageKind, ProcedureNote> = {
  id: 'team-procedures',
  title: 'Team Procedures',
  always: true,
  rows: (object, { vault }) => vault.proceduresFor(object.id),
  view: (rows, heading, object, { base }) =>
    rows.length > 0
      ? {
          view: 'table',
          ...heading,
          count: rows.length,
          unindexed: true,
          note: [
            `The team’s own procedures for this ${KINDS[object.type].labels.singular.toLowerCase()}, from the notes vault.`,
            ...(rows.length > SHOWN_PROCEDURES ? [` The first ${SHOWN_PROCEDURES} of ${rows.length}: `, allOf(object, base)] : []),
          ],
          caption: "The team's procedures",
          headers: ['Procedure', 'Platforms', 'Verified', 'Summary'],
          rows: rows.slice(0, SHOWN_PROCEDURES).map((note) => ({
            cells: [{ text: note.title, href: href(base, note.path) }, note.procedure.platforms, yesNo(note.procedure.verified) ?? '', note.excerpt],
          })),
        }
      : undefined,
};

/** The procedures list filtered to the object (by tactic, or by technique). */
function allOf(object: AttackObject, base: string): Link {
  const filter = object.type === 'tactic' ? 'tactic' : 'technique';
  return { text: 'all of them', href: `${href(base, paths.procedures())}?${filter}=${encodeURIComponent(object.attackId)}` };
}
