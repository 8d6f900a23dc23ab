/**
 * Reading fields of parsed YAML leniently: rule and test files are hand-written, so a value of an
 * unexpected shape is read as well as it can be (a number as text, a lone string as a list) rather
 * than failing the file.
 */
import type { ImportReport } from '../report.ts';
import { parseYaml, YamlError } from '../sources/yaml.ts';

export type YamlMap = Record<string, unknown>;

/** A file's YAML as a mapping of fields, or undefined with a warning naming the file (and the line) saying why not. */
export function parseYamlMap(text: string, location: string, what: string, report: ImportReport): YamlMap | undefined {
  try {
    const yaml = parseYaml(text);
    if (isMap(yaml)) return yaml;
    report.warn({ source: location }, `not ${what} (its YAML is not a mapping of fields); left out`);
  } catch (error) {
    if (!(error instanceof YamlError)) throw error;
    report.warn({ source: location, line: error.line }, `broken YAML (${error.message}); left out`);
  }
  return undefined;
}

export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as text, without the whitespace around it; lists joined with commas; anything else undefined. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return texts(value).join(', ') || undefined;
  return undefined;
}

/** A list of scalars as texts; a lone scalar as a list of one. */
export function texts(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.flatMap((item) => {
    const value = Array.isArray(item) ? undefined : text(item);
    return value === undefined ? [] : [value];
  });
}

/** A block of code or prose as written, keeping its indentation but not the spaces that end its lines. */
export function block(value: unknown): string | undefined {
  if (typeof value !== 'string') return text(value);
  const trimmed = value.replace(/[ \t]+$/gm, '').replace(/\s+$/, '');
  return trimmed.trim() ? trimmed : undefined;
}

/** Ids that may name a page or an anchor: letters, digits and dashes, as UUIDs are written. */
export function isSafeId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9.-]{0,63}$/.test(id);
}
