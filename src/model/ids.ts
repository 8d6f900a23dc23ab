/**
 * ATT&CK ids: their shapes (from the kinds registry), the spellings people type, how they appear
 * in URLs, and how they sort. The importer, the vault's link resolver, the pages and search all
 * read ids through these functions.
 */
import { ALL_KINDS, KINDS, type Kind } from './kinds.ts';

/** Kinds whose ids are a prefix and digits, longest prefix first (`TA0002` is not `T` + `A0002`). */
const PREFIXED = ALL_KINDS.flatMap((kind) => {
  const { idPrefix, subIds } = KINDS[kind] as { idPrefix?: string; subIds?: true };
  return idPrefix ? [{ kind, prefix: idPrefix, subIds: subIds === true }] : [];
}).sort((a, b) => b.prefix.length - a.prefix.length);

const PREFIXES = PREFIXED.map(({ prefix }) => prefix).join('|');

/** An id as people type it: any case, the sub-number after `.`, `/`, `\`, `_`, `-`, a space or nothing. */
const TYPED_ID = new RegExp(`^(${PREFIXES})(\\d{4})(?:[./\\\\_\\s-]?(\\d{3}))?$`);

/** An id at the start of a text, then a space, dash, colon, comma, parenthesis or nothing: `T1590.002 - DNS`. */
export const LEADING_ATTACK_ID = new RegExp(`^\\s*((?:${PREFIXES})\\d{4}(?:\\.\\d{3})?)(?=$|[\\s\\-–—:,)])`, 'i');

/**
 * What an ATT&CK id may look like to name a page and a file: letters and digits, with single dots
 * or dashes between them. Custom bundles may use other shapes than ATT&CK's own; this is the limit.
 */
const PAGE_SAFE_ID = /^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$/;

export function isPageSafeId(id: string): boolean {
  return PAGE_SAFE_ID.test(id);
}

/**
 * The canonical spelling of an ATT&CK id typed in any common form (`t1059/001`, `T1059 001`,
 * ` g0016 `), with its kind, or undefined when the text is not an id of a known shape.
 */
export function parseAttackId(text: string): { id: string; kind: Kind } | undefined {
  const match = TYPED_ID.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  const [, prefix, number, sub] = match;
  const shape = PREFIXED.find((candidate) => candidate.prefix === prefix)!;
  if (sub && !shape.subIds) return undefined;
  return { id: sub ? `${prefix}${number}.${sub}` : `${prefix}${number}`, kind: shape.kind };
}

/** The path segments of an id in a page URL: `T1059.001` → `T1059/001`, as on attack.mitre.org. */
export function attackIdPath(id: string): string {
  return id.replace('.', '/');
}

/** The parent technique's id of a sub-technique id: `T1059.001` → `T1059`. */
export function parentAttackId(id: string): string | undefined {
  const dot = id.indexOf('.');
  return dot > 0 ? id.slice(0, dot) : undefined;
}

const sortKeys = new Map<string, string>();

/** The id with its numbers zero-padded, so that plain string order is numeric order: T1059 < T1059.001 < T1100. */
export function attackIdSortKey(attackId: string): string {
  let key = sortKeys.get(attackId);
  if (key === undefined) {
    key = attackId.replace(/\d+/g, (digits) => digits.padStart(8, '0'));
    sortKeys.set(attackId, key);
  }
  return key;
}

export function compareAttackIds(a: string, b: string): number {
  const [left, right] = [attackIdSortKey(a), attackIdSortKey(b)];
  return left < right ? -1 : left > right ? 1 : 0;
}
