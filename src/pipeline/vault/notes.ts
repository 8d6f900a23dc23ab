/**
 * Notes into the vault model (src/model/notes.ts): each published note gets its page path, its
 * rendered body, what it is about in ATT&CK and, for procedures, the tactics, techniques, tools
 * and commands its frontmatter names.
 */
import type { Element, ElementContent } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { withoutMarkers } from '../render/rich-text.ts';
import { visit } from 'unist-util-visit';
import { NOTE_LIST_PAGES, paths, RESERVED_SEGMENTS, type SitePath } from '../../lib/paths.ts';
import { slugOf } from '../../lib/slugs.ts';
import type { AttackObject, RichText } from '../../model/attack.ts';
import type { Command, Note, Procedure } from '../../model/notes.ts';
import type { ImportReport } from '../report.ts';
import { flag, list, text, type Frontmatter, type ParsedNote } from './frontmatter.ts';
import type { RenderedNote } from '../render/notes.ts';
import type { AttackLookup, VaultIndex } from './resolve.ts';
import { wikiLinksIn, type ObsidianLink } from '../render/obsidian.ts';
import { parseAttackId } from '../../model/ids.ts';

/** Procedure fields naming tactics and techniques, in the old and the new export format. */
const MAPPING_FIELDS = ['tactics', 'techniques', 'sub_techniques', 'mitre_tactics', 'mitre_techniques'];

/** Frontmatter shown in its own place on every page, or meant for the machine only. */
const SHOWN_ELSEWHERE = new Set([
  'id', 'name', 'title', 'aliases', 'alias', 'tags', 'tag', 'publish', 'permalink', 'type', 'created_at',
  'updated_at', 'created', 'updated', 'mitre_id', 'mitre_url', 'cssclasses',
]);
/** Shown on a procedure's card. */
const PROCEDURE_FIELDS = new Set([
  ...MAPPING_FIELDS, 'platforms', 'tools', 'commands', 'verified', 'submitted', 'skill_level', 'impact_level', 'detection_risk',
]);
/** Shown as a command note's code block. */
const COMMAND_FIELDS = new Set(['executor', 'data', 'output']);

export function isProcedure(note: ParsedNote): boolean {
  return note.type === 'procedure' || note.file.toLowerCase().startsWith('procedures/');
}

/**
 * The page path of every published note: procedures under /procedures/, the others under
 * /notes/ or at their permalink. Paths are made of slugs, so no name can write outside dist/.
 */
export function assignPaths(notes: ParsedNote[], vaultRoot: string, report: ImportReport): Map<string, SitePath> {
  const assigned = new Map<string, SitePath>();
  const owners = new Map<SitePath, ParsedNote>();
  const claim = (note: ParsedNote, path: SitePath) => {
    owners.set(path, note);
    assigned.set(note.id, path);
  };
  const withPermalinks = notes.filter((note) => note.permalink);
  for (const note of [...withPermalinks, ...notes.filter((note) => !note.permalink)]) {
    const wanted = note.permalink ? permalinkPath(note, vaultRoot, report) : defaultPath(note);
    if (wanted && !owners.has(wanted)) {
      claim(note, wanted);
      continue;
    }
    const owner = wanted && owners.get(wanted);
    const path = uniquePath(defaultPath(note), note.id, owners);
    if (owner && (note.permalink || owner.permalink)) {
      const what = note.permalink ? `its permalink ${wanted}` : `its page ${wanted}`;
      report.warn({ source: `${vaultRoot}/${note.file}` }, `${what} is taken by ${owner.file}; published at ${path}`);
    }
    claim(note, path);
  }
  return assigned;
}

function defaultPath(note: ParsedNote): SitePath {
  return isProcedure(note) ? paths.procedure(note.name) : paths.note(note.id.split('/'));
}

function permalinkPath(note: ParsedNote, vaultRoot: string, report: ImportReport): SitePath | undefined {
  const segments = note.permalink!.split('/').filter((segment) => segment.trim() && !/^\.+$/.test(segment.trim()));
  const path = segments.length > 0 ? paths.permalink(segments) : undefined;
  if (!path || RESERVED_SEGMENTS.has(slugOf(segments[0]!)) || NOTE_LIST_PAGES.has(path)) {
    report.warn({ source: `${vaultRoot}/${note.file}` }, `permalink "${note.permalink}" is not usable here; the note keeps its own path`);
    return undefined;
  }
  return path;
}

/** `path`, or when it is taken a variant of it made from `key` (what names the thing: its vault path). */
export function uniquePath(path: SitePath, key: string, taken: { has(path: SitePath): boolean }): SitePath {
  let candidate = path;
  for (let n = 0; taken.has(candidate); n++) candidate = paths.variant(path, n === 0 ? key : `${key}#${n}`);
  return candidate;
}


export interface NoteContext {
  index: VaultIndex;
  attack: AttackLookup;
  notePath(note: ParsedNote): SitePath | undefined;
  /** What ATT&CK says about an object in any loaded release, to spot notes that repeat it. */
  attackTexts(stixId: string): string[];
  report: ImportReport;
  vaultRoot: string;
}

/** A frontmatter reference (`[[Note|alias]]`, `T1059`, `Some Note`) and where it leads. */
interface Reference {
  text: string;
  attack?: AttackObject;
  note?: ParsedNote;
}

/**
 * Resolves each frontmatter value of a note once, so that each problem is reported once: every
 * link it holds, or the value itself as a plain name. Plain values that are lists of ATT&CK ids
 * in one string (`T1111, T1556`) name each id.
 */
type Resolve = (value: string, mustResolve: boolean) => Reference[];

function resolverFor(note: ParsedNote, context: NoteContext): Resolve {
  const resolved = new Map<string, Reference[]>();
  return (value, mustResolve) => {
    let references = resolved.get(value);
    if (!references) {
      const links = wikiLinksIn(value);
      references = links.length > 0
        ? links.map((link) => reference(link, value, note, context, true))
        : idList(value).map((name) => reference({ target: name, embed: false }, value, note, context, mustResolve));
      resolved.set(value, references);
    }
    return references;
  };
}

/** `T1111, T1556` or `T1111 T1556`: each id; any other text is one name. */
export function idList(value: string): string[] {
  const parts = value.split(/[\s,;]+/).filter(Boolean);
  return parts.length > 1 && parts.every((part) => parseAttackId(part)) ? parts : [value.trim()];
}

/** What rendering a note's body gave, as buildNote needs it: kept by the render cache (import.ts) between imports. */
export interface NoteRendering {
  html: RichText;
  excerpt: string;
  inlineTags: string[];
  linksToNotes: string[];
  /** STIX ids. */
  linksToAttack: string[];
  /** Vault paths of the files it shows. */
  files: string[];
  /** What the note adds to the pages of the ATT&CK objects it is about. */
  teamHtml: RichText;
}

/** What a rendered note adds to the ATT&CK pages of the objects it is about (none: nothing). */
export function teamHtmlOf(note: ParsedNote, rendered: RenderedNote, context: Pick<NoteContext, 'attack' | 'attackTexts'>): RichText {
  const about = list(note.data.mitre_id).flatMap(idList).flatMap((id) => context.attack.find(id)?.object ?? []);
  return about.length > 0 ? teamContent(rendered, about.flatMap((object) => [object.attackId, object.name, ...context.attackTexts(object.id)])) : [];
}

export function buildNote(note: ParsedNote, rendered: NoteRendering, tags: string[], context: NoteContext): Note {
  const resolve = resolverFor(note, context);
  const about = attackIds(note, list(note.data.mitre_id).flatMap(idList), context);
  const procedure = isProcedure(note) ? procedureOf(note, resolve) : undefined;
  const command = commandOf(note.data);
  const frontmatterLinks = Object.values(note.data)
    .flatMap((value) => (typeof value === 'string' || Array.isArray(value) ? list(value) : []))
    .filter((value) => wikiLinksIn(value).length > 0)
    .flatMap((value) => resolve(value, true));
  const fields = {
    id: note.id,
    file: note.file,
    path: context.notePath(note)!,
    type: note.type,
    title: note.title,
    aliases: note.aliases,
    tags,
    created: text(note.data.created_at) ?? text(note.data.created),
    updated: text(note.data.updated_at) ?? text(note.data.updated),
    properties: propertiesOf(note, context, resolve, (key) =>
      SHOWN_ELSEWHERE.has(key) || (procedure !== undefined && PROCEDURE_FIELDS.has(key)) || (command !== undefined && COMMAND_FIELDS.has(key)),
    ),
    command,
    html: rendered.html,
    excerpt: rendered.excerpt,
    about: about.map((object) => object.id),
    teamHtml: rendered.teamHtml,
    mapped: procedure ? [...procedure.tactics, ...procedure.techniques, ...procedure.subtechniques] : [],
    linksToNotes: unique([...rendered.linksToNotes, ...frontmatterLinks.flatMap((ref) => (ref.note ? [ref.note.id] : []))]),
    linksToAttack: unique([...rendered.linksToAttack, ...frontmatterLinks.flatMap((ref) => (ref.attack ? [ref.attack.id] : []))]),
  };
  return procedure ? { ...fields, kind: 'procedure', procedure } : { ...fields, kind: 'note' };
}

function procedureOf(note: ParsedNote, resolve: Resolve): Procedure {
  const mapped = MAPPING_FIELDS.flatMap((field) => list(note.data[field])).flatMap((value) => resolve(value, true));
  const objects = unique(mapped.flatMap((ref) => (ref.attack ? [ref.attack] : [])));
  const ofType = (test: (object: AttackObject) => boolean) => objects.filter(test).map((object) => object.id);
  return {
    tactics: ofType((object) => object.type === 'tactic'),
    techniques: ofType((object) => object.type === 'technique' && !object.isSubtechnique),
    subtechniques: ofType((object) => object.type === 'technique' && object.isSubtechnique),
    platforms: list(note.data.platforms),
    tools: list(note.data.tools)
      .flatMap((value) => resolve(value, false))
      .map((ref) => ({ title: ref.text, noteId: ref.note?.id })),
    commands: list(note.data.commands).flatMap((value) => resolve(value, true).flatMap(commandFrom)),
    verified: flag(note.data.verified),
    submitted: flag(note.data.submitted),
    skillLevel: text(note.data.skill_level),
    impactLevel: text(note.data.impact_level),
    detectionRisk: text(note.data.detection_risk),
  };
}

function commandFrom(ref: Reference): Command[] {
  const command = ref.note && commandOf(ref.note.data);
  return command ? [{ name: ref.note!.title, noteId: ref.note!.id, executor: command.executor, code: command.code }] : [];
}

function commandOf(data: Frontmatter): Note['command'] {
  const code = typeof data.data === 'string' && data.data.trim() ? data.data.replace(/\s+$/, '') : undefined;
  return code ? { executor: text(data.executor), code, output: text(data.output) } : undefined;
}

/** The ATT&CK objects named by ids such as `mitre_id: T1590.002`. */
function attackIds(note: ParsedNote, ids: string[], context: NoteContext): AttackObject[] {
  return ids.flatMap((id) => {
    const match = context.attack.find(id);
    if (!match) {
      context.report.warn(locate(note, id, context), `mitre_id ${id} is not in the loaded ATT&CK data`);
      return [];
    }
    context.report.attackLink(locate(note, id, context), match, id);
    return [match.object];
  });
}

/**
 * Resolves a frontmatter link or name: an ATT&CK id or a link whose alias starts with one, a note
 * (and through a note with a `mitre_id`, its ATT&CK object), or plain text. It counts as a broken
 * link when `mustResolve`: every wikilink, and the plain ids and names of mapping fields.
 */
function reference(link: ObsidianLink, value: string, note: ParsedNote, context: NoteContext, mustResolve: boolean): Reference {
  const { target, alias } = link;
  const shown = alias ?? target;
  const attack = context.attack.findInLink(target, alias);
  if (attack) {
    context.report.attackLink(locate(note, value, context), attack, value);
    return { text: shown, attack: attack.object };
  }
  const linked = context.index.findNote(target);
  const aboutId = linked && text(linked.data.mitre_id);
  const viaNote = aboutId ? context.attack.find(aboutId)?.object : undefined;
  if (linked || !mustResolve) return { text: shown, note: linked, attack: viaNote };
  context.report.brokenLink(locate(note, value, context), target, 'no such note or ATT&CK id');
  return { text: shown };
}

/** The frontmatter not shown elsewhere: texts, numbers, yes/no, and links to notes or ATT&CK. */
function propertiesOf(note: ParsedNote, context: NoteContext, resolve: Resolve, shownElsewhere: (key: string) => boolean): Note['properties'] {
  return Object.entries(note.data)
    .filter(([key]) => !shownElsewhere(key.toLowerCase()))
    .map(([key, value]) => ({
      label: labelOf(key),
      values: displayValues(value).flatMap((item) => {
        if (wikiLinksIn(item).length === 0) return [{ text: item }];
        return resolve(item, true).map((ref) => ({ text: ref.text, path: ref.attack ? ref.attack.path : ref.note && context.notePath(ref.note) }));
      }),
    }))
    .filter((property) => property.values.length > 0);
}

function displayValues(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((item) => (typeof item === 'boolean' ? [item ? 'Yes' : 'No'] : list(item)));
}

/** `parent_technique` → `Parent technique` */
function labelOf(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function locate(note: ParsedNote, value: string, context: NoteContext) {
  const index = note.text.split('\n').findIndex((line) => line.includes(value));
  return { source: `${context.vaultRoot}/${note.file}`, line: index < 0 ? undefined : index + 1 };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Lower case letters and digits only, for comparing texts whatever their markup, citations and spacing. */
function comparable(textValue: string): string {
  return withoutMarkers(textValue).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The labels of ATT&CK's ID card, which exports copy as "MITRE ID: T1059" lines. */
const CARD_LABELS = new Set([
  'id', 'mitre id', 'attack id', 'tactic', 'tactics', 'platform', 'platforms', 'version', 'created', 'last modified',
  'sub technique', 'sub techniques', 'sub technique of', 'domain', 'domains', 'data sources', 'permissions required',
  'effective permissions', 'defense bypassed', 'contributors', 'type', 'url', 'mitre url', 'system requirements',
  'impact type', 'remote support', 'associated groups', 'associated software', 'first seen', 'last seen',
]);

/** A block of "Label: value" lines that are all ATT&CK ID card lines. */
function isCardBoilerplate(block: Element): boolean {
  const lines = hastToString(block).split('\n').filter((line) => line.trim());
  return lines.length > 0 && lines.every((line) => {
    const colon = line.indexOf(':');
    return colon > 0 && CARD_LABELS.has(comparable(line.slice(0, colon)));
  });
}

/**
 * What a note adds to an ATT&CK page: its blocks without those that repeat what ATT&CK says about
 * the object (`known`: texts of any loaded release, as attack-texts.ts gives them; exports copy
 * descriptions, procedure tables and ID card lines into technique notes), headings left with
 * nothing under them dropped, headings moved two levels down to sit under the page's section,
 * and no ids. Citations stay: the page numbers them against the object's references.
 */
export function teamContent({ tree, tokens }: Pick<RenderedNote, 'tree' | 'tokens'>, known: string[]): RichText {
  const repeats = repetitionTest(known);
  const blocks = tree.children.filter((node): node is Element => node.type === 'element');
  const kept = blocks.flatMap((block) => withoutRepeats(block, repeats));
  const withContent = kept.filter((block, index) => !isHeading(block) || hasContentBelow(kept, index));
  for (const block of withContent) stripForEmbedding(block);
  const separated = withContent.flatMap((block, index): ElementContent[] => (index > 0 ? [{ type: 'text', value: '\n' }, block] : [block]));
  return tokens.richText({ type: 'root', children: separated });
}

/** Whether a text says again what ATT&CK says (a short text only when it is one of the texts whole). */
function repetitionTest(known: string[]): (text: string) => boolean {
  const texts = known.map(comparable).filter(Boolean);
  const whole = new Set(texts);
  const all = texts.join(' | ');
  return (text) => {
    const own = comparable(text);
    return own !== '' && (whole.has(own) || (own.length >= 20 && all.includes(own)));
  };
}

/** The block, or what is left of a list or table once items and rows that repeat ATT&CK are out. */
function withoutRepeats(block: Element, repeats: (text: string) => boolean): Element[] {
  if (isHeading(block)) return [block];
  if (isCardBoilerplate(block) || repeats(hastToString(block))) return [];
  const rows = block.tagName === 'table' ? tableRows(block) : block.tagName === 'ul' || block.tagName === 'ol' ? [block] : [];
  for (const parent of rows) {
    parent.children = parent.children.filter((child) => child.type !== 'element' || !repeatsWhole(child, repeats));
    if (!parent.children.some((child) => child.type === 'element')) return [];
  }
  return [block];
}

/** A table row or list item that repeats ATT&CK as a whole, or in its cells besides ids and names. */
function repeatsWhole(element: Element, repeats: (text: string) => boolean): boolean {
  if (repeats(hastToString(element))) return true;
  const cells = element.children.filter((child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th'));
  const repeated = cells.filter((cell) => repeats(hastToString(cell)));
  return repeated.length > 0 && cells.every((cell) => repeated.includes(cell) || !comparable(hastToString(cell)) || isCardValue(cell));
}

/** A table cell that is an ATT&CK id or a short name (the first cells of a copied procedure table). */
function isCardValue(cell: Element): boolean {
  const words = comparable(hastToString(cell)).split(' ');
  return words.length <= 4;
}

/** The body rows of a table (its `<tbody>`, or the table itself when it has none). */
function tableRows(table: Element): Element[] {
  const bodies = table.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'tbody');
  return bodies.length > 0 ? bodies : [table];
}

function isHeading(element: Element): boolean {
  return /^h[1-6]$/.test(element.tagName);
}

function hasContentBelow(blocks: Element[], index: number): boolean {
  const depth = Number(blocks[index]!.tagName[1]);
  const next = blocks[index + 1];
  return next !== undefined && (!isHeading(next) || Number(next.tagName[1]) > depth);
}

function stripForEmbedding(block: Element): void {
  visit(block, 'element', (element: Element) => {
    delete element.properties.id;
    if (isHeading(element)) element.tagName = `h${Math.min(6, Number(element.tagName[1]) + 2)}`;
  });
}
