/**
 * A note's YAML frontmatter (through gray-matter) and the fields every note has: title, aliases,
 * tags, publish, permalink, type. Broken YAML leaves the note out with a warning naming the line.
 */
import matter from 'gray-matter';
import { join } from 'node:path';
import type { ImportReport } from '../report.ts';
import type { VaultNoteSource } from './read.ts';

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

export function parseNote(source: VaultNoteSource, vaultRoot: string, report: ImportReport): ParsedNote | undefined {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // gray-matter caches by content; notes are parsed once, so the cache only costs memory.
    parsed = matter(source.text, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const line = mark?.line !== undefined ? `line ${mark.line + 1}: ` : '';
    report.warn({ source: join(vaultRoot, source.file) }, `${line}broken YAML frontmatter (${(error as Error).message.split('\n')[0]}); left out`);
    return undefined;
  }
  const data = normalizeValues(parsed.data) as Frontmatter;
  const id = source.file.replace(/\.md$/i, '');
  const name = id.split('/').at(-1)!;
  return {
    file: source.file,
    id,
    name,
    text: source.text,
    data,
    body: parsed.content,
    bodyLine: source.text.slice(0, source.text.length - parsed.content.length).split('\n').length,
    title: text(data.title) ?? text(data.name) ?? name,
    type: text(data.type)?.toLowerCase(),
    aliases: [...list(data.aliases), ...list(data.alias)],
    tags: [...tagList(data.tags), ...tagList(data.tag)],
    publish: data.publish !== false,
    permalink: text(data.permalink),
  };
}

/** YAML dates become ISO strings, so that frontmatter is plain JSON data. */
function normalizeValues(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) return value.map(normalizeValues);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalizeValues(item)]));
  }
  return value;
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

/** Tags may also be written `tags: a, b`, `tags: '#a #b'`, or as links to tag notes (`[[dns]]`). */
function tagList(value: unknown): string[] {
  return list(value)
    .flatMap((item) => item.replace(/\[\[([^\]|]*)(\|[^\]]*)?\]\]/g, '$1').split(/[,\s]+/))
    .map((tag) => tag.replace(/^#/, ''))
    .filter(Boolean);
}

export function flag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}
