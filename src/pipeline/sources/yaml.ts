/**
 * YAML from untrusted files (note frontmatter, Sigma rules, Atomic tests), read as plain data.
 *
 * The YAML 1.2 core schema only: no tag can name code (`!!js/function` stays an inert string) or
 * a type (`!!binary`, `!!timestamp` stay strings), merge keys are ordinary keys, and aliases are
 * limited so that an anchor "bomb" is refused instead of filling the heap.
 */
import { parseDocument } from 'yaml';

/** The most aliases one document may expand; hand-written YAML uses a handful. */
export const MAX_YAML_ALIASES = 100;
/** The longest YAML text read (frontmatter, a rule or a test file): far above any real one. */
export const MAX_YAML_BYTES = 1024 * 1024;
/** How deeply collections may nest: real files stay under ten levels, and code that walks them need not guard its stack. */
export const MAX_YAML_DEPTH = 64;

export class YamlError extends Error {
  /** 1-based line in the YAML text, when the parser knows it. */
  readonly line?: number;

  constructor(message: string, line?: number) {
    super(message);
    this.name = 'YamlError';
    this.line = line;
  }
}

/** Parses one YAML document into plain JSON-like data, or throws a YamlError saying why not. */
export function parseYaml(text: string): unknown {
  if (Buffer.byteLength(text) > MAX_YAML_BYTES) {
    throw new YamlError(`YAML larger than ${MAX_YAML_BYTES / 1024} KiB`);
  }
  let document;
  try {
    document = parseDocument(text, { schema: 'core', resolveKnownTags: false, merge: false, uniqueKeys: false });
  } catch (error) {
    throw new YamlError((error as Error).message);
  }
  const [first] = document.errors;
  if (first) {
    const line = first.linePos?.[0].line;
    if (first.message.startsWith('Maximum call stack')) throw new YamlError(`YAML nested over ${MAX_YAML_DEPTH} levels deep`, line);
    throw new YamlError(firstLine(first.message).replace(/ at line \d+, column \d+:?$/, ''), line);
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    throw new YamlError(firstLine((error as Error).message));
  }
  const depth = nestingDepth(value);
  if (depth > MAX_YAML_DEPTH) throw new YamlError(`YAML nested ${depth} levels deep (the limit is ${MAX_YAML_DEPTH})`);
  return value;
}

/** How deeply a parsed value nests, walked without recursion so that no depth can overflow the stack. */
export function nestingDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [current, depth] = item;
    if (typeof current !== 'object' || current === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
