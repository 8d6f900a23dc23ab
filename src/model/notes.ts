/**
 * The model of a team's vault: Obsidian-style notes, procedures among them, and the files they
 * embed. Notes refer to each other by note id (their vault path without `.md`) and to ATT&CK
 * objects by STIX id. HTML is sanitized; links to this site are root-relative, like rich text.
 */
import { z } from 'astro/zod';
import { richTextSchema } from './attack.ts';
import { sitePathSchema } from './site-path.ts';

const strings = z.array(z.string());

/** A command a procedure runs, from the command notes it links in frontmatter. */
export const commandSchema = z.object({
  name: z.string(),
  /** The command note, when it is in the vault. */
  noteId: z.string().optional(),
  executor: z.string().optional(),
  code: z.string(),
});

/** A value from frontmatter: its text, and the page it links to when it is a link that resolved. */
export const linkedValueSchema = z.object({ text: z.string(), path: sitePathSchema.optional() });

/** A link from frontmatter to another note: its text, and the note when it resolved. */
export const noteRefSchema = z.object({ title: z.string(), noteId: z.string().optional() });

export const procedureSchema = z.object({
  /** STIX ids, in the order the note lists them. */
  tactics: strings,
  techniques: strings,
  subtechniques: strings,
  platforms: strings,
  tools: z.array(noteRefSchema),
  commands: z.array(commandSchema),
  verified: z.boolean().optional(),
  submitted: z.boolean().optional(),
  skillLevel: z.string().optional(),
  impactLevel: z.string().optional(),
  detectionRisk: z.string().optional(),
});

const noteFields = {
  /** The vault path without `.md`: `procedures/Zone Transfer Check`. */
  id: z.string(),
  /** The vault path of the file. */
  file: z.string(),
  /** The note's page. */
  path: sitePathSchema,
  /** The frontmatter `type` (procedure, technique, command, tool, ...). */
  type: z.string().optional(),
  title: z.string(),
  aliases: strings,
  /** Frontmatter and inline tags, without `#`; nested tags keep their slashes. */
  tags: strings,
  created: z.string().optional(),
  updated: z.string().optional(),
  /** Other frontmatter worth showing (language, usage count, parent technique, ...). */
  properties: z.array(z.object({ label: z.string(), values: z.array(linkedValueSchema) })),
  /** For command notes: the command itself. */
  command: z.object({ executor: z.string().optional(), code: z.string(), output: z.string().optional() }).optional(),
  html: richTextSchema,
  excerpt: z.string(),
  /** STIX ids of the ATT&CK objects the note is about (its `mitre_id`). */
  about: strings,
  /** The note's own content without what repeats the ATT&CK description: shown on the ATT&CK page. */
  teamHtml: richTextSchema,
  /** STIX ids of the ATT&CK objects a procedure is mapped to (tactics and techniques). */
  mapped: strings,
  /** Note ids and STIX ids this note links to, for backlinks. */
  linksToNotes: strings,
  linksToAttack: strings,
};

/** A note is a procedure (with what its frontmatter maps it to) or any other note. */
export const noteSchema = z.discriminatedUnion('kind', [
  z.object({ ...noteFields, kind: z.literal('note') }),
  z.object({ ...noteFields, kind: z.literal('procedure'), procedure: procedureSchema }),
]);

/** A file of the vault that notes embed or link (images and the like), served at `path`. */
export const vaultFileSchema = z.object({
  /** The vault path of the file. */
  id: z.string(),
  path: sitePathSchema,
});

export type Note = z.infer<typeof noteSchema>;
export type ProcedureNote = Extract<Note, { kind: 'procedure' }>;

export function isProcedureNote(note: Note): note is ProcedureNote {
  return note.kind === 'procedure';
}
export type Procedure = z.infer<typeof procedureSchema>;
export type Command = z.infer<typeof commandSchema>;
export type VaultFile = z.infer<typeof vaultFileSchema>;

/**
 * The state of the vault for the people who keep it (its health page, and the import report):
 * links that lead nowhere, notes no other note links to, ATT&CK ids that were revoked or
 * deprecated, with the file and line of each, and counts. Files are vault paths.
 */
export interface VaultHealth {
  counts: {
    notes: number;
    procedures: number;
    tags: number;
    files: number;
    hidden: number;
    brokenLinks: number;
    orphans: number;
    outdatedIds: number;
    warnings: number;
  };
  brokenLinks: { file: string; line?: number; target: string; reason: string }[];
  /** Ids of the published notes no other note links to. */
  orphans: string[];
  outdatedIds: { file: string; line?: number; id: string; status: 'revoked' | 'deprecated'; replacement?: string }[];
  /** Per pair of consecutive loaded releases, oldest first: the notes' links to objects the newer one changed. */
  releaseChanges: NotesReleaseChanges[];
}

/** What a release does to an object that matters to the notes linking to it, most pressing first. */
export const LINK_CHANGES = ['revoked', 'deprecated', 'renamed', 'major'] as const;
export type LinkChange = (typeof LINK_CHANGES)[number];

/** An ATT&CK object as one release names it. */
export interface NamedObject {
  /** STIX id. */
  id: string;
  attackId: string;
  name: string;
}

/** A note's link to an object that a release revoked, deprecated, renamed or gave a new major version. */
export interface ChangedLink {
  /** The note's id. */
  note: string;
  file: string;
  line?: number;
  /** The link as written. */
  text: string;
  change: LinkChange;
  /** The object linked, as the older release names it. */
  object: NamedObject;
  /** Its name in the newer release, when renamed. */
  newName?: string;
  /** `1.2 → 2.0`, when the version changed. */
  versionChange?: string;
  /** What replaced it, for a revoked object, as the newer release names it. */
  replacement?: NamedObject;
}

export interface NotesReleaseChanges {
  from: string;
  to: string;
  /** In order of change (LINK_CHANGES), then note, then line. */
  links: ChangedLink[];
}
