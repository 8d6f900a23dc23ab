/**
 * A note's YAML frontmatter (through gray-matter) and the fields every note has: title, aliases,
 * tags, publish, permalink, type.
 *
 * Frontmatter is untrusted: it is read only as YAML, by the safe reader (no tag runs code, aliases
 * are limited). gray-matter would evaluate `---js` frontmatter as JavaScript, so every other
 * language is refused. A note whose frontmatter cannot be read is still published, with the
 * frontmatter shown as text at its top and a warning naming the line.
 */
import matter from 'gray-matter';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseYaml, YamlError } from '../sources/yaml.ts';
import type { ImportReport } from '../report.ts';
import type { VaultNoteSource } from '../sources/vault.ts';
import { tagName, wikiLinksIn } from '../render/obsidian.ts';

/** Languages gray-matter would run or parse besides YAML: each one refuses. */
const REFUSED_ENGINES = ['javascript', 'js', 'coffee', 'coffeescript', 'cson', 'json', 'toml'];

function refuse(): never {
  throw new YamlError('frontmatter in another language than YAML');
}

const MATTER_OPTIONS = {
  language: 'yaml',
  engines: {
    yaml: (text: string) => parseYaml(text) ?? {},
    ...Object.fromEntries(REFUSED_ENGINES.map((name) => [name, refuse])),
  },
};

/** Reads the frontmatter block without interpreting it, to show it as text. */
const RAW_OPTIONS = { language: 'yaml', engines: Object.fromEntries(['yaml', ...REFUSED_ENGINES].map((name) => [name, () => ({})])) };

export type Frontmatter = Record<string, unknown>;

export interface ParsedNote {
  /** Vault path: `procedures/Zone Transfer Check.md`. */
  file: string;
  /** Vault path without `.md`: the note's id. */
  id: string;
  /** File name without `.md`. */
  name: string;
  /** The file as written, for line numbers. */
  text: string;
  /** A digest of the text: what caches of the note's rendering are keyed by. */
  hash: string;
  data: Frontmatter;
  body: string;
  /** Line of the file on which the body starts (1-based). */
  bodyLine: number;
  title: string;
  type?: string;
  aliases: string[];
  tags: string[];
  publish: boolean;
  permalink?: string;
}

export function parseNote(source: VaultNoteSource, vaultRoot: string, report: ImportReport): ParsedNote {
  const { data, body, bodyLine } = readFrontmatter(source, join(vaultRoot, source.file), report);
  const id = source.file.replace(/\.md$/i, '');
  const name = id.split('/').at(-1)!;
  const tags = [frontmatterTags(data.tags), frontmatterTags(data.tag)];
  for (const entry of tags.flatMap((found) => found.invalid)) {
    report.warn({ source: join(vaultRoot, source.file), line: lineOf(source.text, entry) }, `tag "${entry}" is no tag as Obsidian reads them (letters, digits, _, - and / only, not only digits); left out`);
  }
  return {
    file: source.file,
    id,
    name,
    text: source.text,
    hash: createHash('sha1').update(source.text).digest('hex'),
    data,
    body,
    bodyLine,
    title: text(data.title) ?? text(data.name) ?? name,
    type: text(data.type)?.toLowerCase(),
    aliases: [...list(data.aliases), ...list(data.alias)],
    tags: tags.flatMap((found) => found.tags),
    publish: data.publish !== false,
    permalink: text(data.permalink),
  };
}

function readFrontmatter(source: VaultNoteSource, path: string, report: ImportReport): { data: Frontmatter; body: string; bodyLine: number } {
  const language = matter.test(source.text) ? matter.language(source.text).name.toLowerCase() : '';
  if (language && language !== 'yaml' && language !== 'yml') {
    report.warn({ source: path, line: 1 }, `frontmatter in "${language}" is not read (only YAML is); shown as text`);
    return frontmatterAsText(source);
  }
  try {
    // gray-matter caches by content unless given options; these are, so nothing is kept.
    const parsed = matter(source.text, MATTER_OPTIONS);
    const data = parsed.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      report.warn({ source: path, line: 2 }, 'frontmatter is not a list of properties; shown as text');
      return frontmatterAsText(source);
    }
    return { data, body: parsed.content, bodyLine: lineOfBody(source.text, parsed.content) };
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    // The YAML's lines start on the file's second line.
    const line = error.line === undefined ? 1 : error.line + 1;
    report.warn({ source: path, line }, `broken YAML frontmatter (${error.message}); shown as text`);
    return frontmatterAsText(source);
  }
}

/**
 * The note with its frontmatter block as a code block at the top, line for line where it was
 * written (the fences stand where the `---` lines stood), and no properties.
 */
function frontmatterAsText(source: VaultNoteSource): { data: Frontmatter; body: string; bodyLine: number } {
  const raw = matter(source.text, RAW_OPTIONS);
  const header = source.text.slice(0, source.text.length - raw.content.length).split('\n');
  const longestTicks = Math.max(2, ...(raw.matter.match(/`+/g) ?? []).map((ticks) => ticks.length));
  const fence = '`'.repeat(longestTicks + 1);
  const code = [fence, ...raw.matter.replace(/^[^\n]*\n/, '').split('\n').slice(0, header.length - 2), fence];
  return { data: {}, body: `${code.join('\n')}\n${raw.content}`, bodyLine: 1 };
}

function lineOfBody(text: string, content: string): number {
  return text.slice(0, text.length - content.length).split('\n').length;
}

/** A frontmatter value as text, if it is a non-empty string or a number. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A frontmatter value as a list of texts: a list, or one value. */
export function list(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map(text).filter((item): item is string => item !== undefined);
}

/**
 * Frontmatter tags as Obsidian reads them: a list, each entry one tag (`#` optional), or one text
 * of several (`a, b` or `#a #b`). A link to a note (`[[Tag Note]]`, `[[Tag Note|shown]]`) is one
 * tag, named as the note: a tag note. Entries that are no tag are returned apart, for a warning.
 */
function frontmatterTags(value: unknown): { tags: string[]; invalid: string[] } {
  const tags: string[] = [];
  const invalid: string[] = [];
  for (const item of list(value)) {
    const links = wikiLinksIn(item);
    if (links.length > 0) {
      tags.push(...links.flatMap((link) => (link.target ? [link.target.split('/').at(-1)!] : [])));
      continue;
    }
    for (const entry of item.split(Array.isArray(value) ? ',' : /[,\s]+/).map((part) => part.trim()).filter(Boolean)) {
      const tag = tagName(entry);
      if (tag) tags.push(tag);
      else invalid.push(entry);
    }
  }
  return { tags, invalid };
}

/** The 1-based line of the file on which `text` first appears. */
function lineOf(file: string, text: string): number | undefined {
  const index = file.split('\n').findIndex((line) => line.includes(text));
  return index < 0 ? undefined : index + 1;
}

export function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}
