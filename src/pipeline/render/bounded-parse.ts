/**
 * Markdown parsing with bounded cost. The markdown parser (micromark) takes time that grows faster
 * than the text for some shapes: thousands of nested lists or quotes, long runs of emphasis marks,
 * many containers in one document. Untrusted texts are therefore
 *
 * - cut into chunks of at most CHUNK_CHARS at blank lines between top-level blocks, each parsed on
 *   its own, so that no shape can make the whole text cost more than the sum of its chunks;
 * - checked, chunk by chunk, against the limits below; a chunk over a limit (or one the parser
 *   cannot finish) is kept as plain text, with a problem naming its line.
 *
 * Texts shorter than a chunk are parsed whole, as before: only long texts are cut.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';

/** The longest text parsed as one document. */
export const CHUNK_CHARS = 4 * 1024;
/** How deeply block quotes and lists may nest. */
export const MAX_BLOCK_NESTING = 32;
/** The longest run of one emphasis mark (`*`, `_`, `~`) outside a thematic break. */
export const MAX_DELIMITER_RUN = 64;
/** How deeply raw HTML elements may nest. */
export const MAX_HTML_NESTING = 64;

export interface TextProblem {
  /** 1-based line in the text. */
  line: number;
  message: string;
}

export interface BoundedTree {
  tree: Root;
  problems: TextProblem[];
}

interface Chunk {
  text: string;
  /** Lines before the chunk in the whole text. */
  lineOffset: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A line that starts a top-level block even right after another line: an ATX heading. */
const HEADING = /^#{1,6}(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[(\^?)([^\]\n]{1,999})\]:/gm;

/**
 * Parses `markdown` with `parse`, chunk by chunk, and joins the trees. Link and footnote
 * definitions are visible to every chunk that names them, as in one document. A text longer than
 * `maxChars` is not parsed at all: it is kept as plain text.
 */
export function parseBounded(markdown: string, parse: (text: string) => Root, { maxChars }: { maxChars: number }): BoundedTree {
  if (markdown.length > maxChars) {
    const message = `${markdown.length} characters, over the ${maxChars} rendered as markdown; shown as plain text`;
    return { tree: { type: 'root', children: [plainText({ text: markdown, lineOffset: 0 })] }, problems: [{ line: 1, message }] };
  }
  const problems: TextProblem[] = [];
  const chunks = markdown.length <= CHUNK_CHARS ? [{ text: markdown, lineOffset: 0 }] : splitIntoChunks(markdown);
  const definitions = chunks.length > 1 ? definitionLines(markdown) : [];
  const children = chunks.flatMap((chunk) => {
    const problem = complexityProblem(chunk.text);
    if (problem) {
      problems.push({ line: chunk.lineOffset + problem.line, message: `${problem.message}; shown as plain text` });
      return [plainText(chunk)];
    }
    try {
      return parseChunk(chunk, definitions, parse);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      problems.push({ line: chunk.lineOffset + 1, message: 'markdown too deeply nested to parse; shown as plain text' });
      return [plainText(chunk)];
    }
  });
  return { tree: { type: 'root', children }, problems };
}

function parseChunk(chunk: Chunk, definitions: { label: string; line: string }[], parse: (text: string) => Root): RootContent[] {
  const needed = definitions.filter(({ label }) => chunk.text.includes(label) && !chunk.text.includes(`${label}]:`));
  const text = needed.length > 0 ? `${chunk.text}\n\n${needed.map((definition) => definition.line).join('\n')}\n` : chunk.text;
  const tree = parse(text);
  const own = tree.children.filter((node) => (node.position?.start.offset ?? 0) < chunk.text.length);
  if (chunk.lineOffset > 0) {
    visit({ type: 'root', children: own } as Root, (node) => {
      if (node.position) {
        node.position.start.line += chunk.lineOffset;
        node.position.end.line += chunk.lineOffset;
      }
    });
  }
  return own;
}

/**
 * Chunks of about CHUNK_CHARS. A chunk ends where a top-level block starts (an unindented line
 * after a blank one, or a heading), outside fenced code; a list or quote cut in two renders as two,
 * which reads the same. A block that runs on past twice the size without such a place (one huge
 * paragraph, table or code block) is cut at a line anyway, and a fenced code block cut so goes on
 * in the next chunk under the same fence. Lines longer than a chunk are broken at a space, or
 * anywhere when they have none.
 */
export function splitIntoChunks(markdown: string): Chunk[] {
  const chunks: Chunk[] = [];
  let lines: string[] = [];
  let lineOffset = 0;
  let size = 0;
  let fence: string | undefined;
  let previousBlank = false;
  const cut = (nextLine: number) => {
    chunks.push({ text: lines.join('\n'), lineOffset });
    lines = fence ? [fence] : [];
    size = lines.length > 0 ? fence!.length + 1 : 0;
    lineOffset = nextLine - lines.length;
  };
  for (const { text, line } of pieces(markdown)) {
    const blockStarts = fence === undefined && ((previousBlank && /^[^ \t]/.test(text)) || HEADING.test(text));
    if (lines.length > 0 && ((blockStarts && size >= CHUNK_CHARS) || size >= 2 * CHUNK_CHARS)) cut(line);
    lines.push(text);
    size += text.length + 1;
    previousBlank = text.trim() === '';
    const opening = FENCE.exec(text)?.[1];
    if (fence === undefined && opening) fence = text;
    else if (fence !== undefined && closesFence(text, fence)) fence = undefined;
  }
  chunks.push({ text: lines.join('\n'), lineOffset });
  return chunks;
}

/** The text's lines, each with its 0-based line number, over-long lines broken into pieces. */
function* pieces(markdown: string): Generator<{ text: string; line: number }> {
  for (const [line, text] of markdown.split('\n').entries()) {
    let rest = text;
    while (rest.length > CHUNK_CHARS) {
      const space = rest.lastIndexOf(' ', CHUNK_CHARS);
      const end = space > CHUNK_CHARS / 2 ? space : CHUNK_CHARS;
      yield { text: rest.slice(0, end), line };
      rest = rest.slice(end);
    }
    yield { text: rest, line };
  }
}

function closesFence(line: string, opening: string): boolean {
  const marks = FENCE.exec(opening)![1]!;
  const trimmed = line.trim();
  return trimmed.startsWith(marks) && /^[`~]+$/.test(trimmed) && trimmed[0] === marks[0];
}

/** Every link and footnote definition line, with the label that uses it (`[x` or `[^x`). */
function definitionLines(markdown: string): { label: string; line: string }[] {
  const found = new Map<string, { label: string; line: string }>();
  for (const match of markdown.matchAll(DEFINITION)) {
    const [whole, caret, name] = match;
    const label = `[${caret}${name}`;
    // A footnote's text stays where it is written; other chunks only need to know the label exists.
    if (!found.has(label)) found.set(label, { label, line: caret ? `${whole} .` : lineAt(markdown, match.index) });
  }
  return [...found.values()];
}

function lineAt(text: string, index: number): string {
  const end = text.indexOf('\n', index);
  return text.slice(index, end < 0 ? undefined : end);
}

/** What makes a text too costly to parse: the first limit it is over, with the line. */
export function complexityProblem(text: string): TextProblem | undefined {
  const lines = text.split('\n');
  let fence: string | undefined;
  let htmlDepth = 0;
  for (const [index, line] of lines.entries()) {
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    if (FENCE.test(line)) {
      fence = line;
      continue;
    }
    const nesting = blockNesting(line);
    if (nesting > MAX_BLOCK_NESTING) {
      return { line: index + 1, message: `lists or quotes nested ${nesting} levels deep (the limit is ${MAX_BLOCK_NESTING})` };
    }
    const run = longestDelimiterRun(line);
    if (run > MAX_DELIMITER_RUN) {
      return { line: index + 1, message: `a run of ${run} emphasis marks (the limit is ${MAX_DELIMITER_RUN})` };
    }
    htmlDepth = Math.max(0, htmlDepth + htmlNestingChange(line));
    if (htmlDepth > MAX_HTML_NESTING) {
      return { line: index + 1, message: `HTML elements nested over ${MAX_HTML_NESTING} deep` };
    }
  }
  return undefined;
}

/** Quote marks and list markers a line opens, counting two columns of indentation as one level. */
function blockNesting(line: string): number {
  const prefix = /^(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/.exec(line)?.[0];
  if (!prefix) return 0;
  const markers = prefix.match(/>|[-+*]|\d{1,9}[.)]/g)?.length ?? 0;
  const indent = prefix.replace(/\t/g, '    ').replace(/[^ ]/g, '').length;
  return markers + Math.floor(indent / 2);
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function longestDelimiterRun(line: string): number {
  if (THEMATIC_BREAK.test(line)) return 0;
  let longest = 0;
  for (const run of line.matchAll(/\*+|_+|~+/g)) longest = Math.max(longest, run[0].length);
  return longest;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Opening tags minus closing tags on the line (void and self-closed elements do not count). */
function htmlNestingChange(line: string): number {
  let change = 0;
  for (const [tag, closing, name] of line.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>/g)) {
    if (VOID_ELEMENTS.has(name!.toLowerCase()) || tag.endsWith('/>')) continue;
    change += closing ? -1 : 1;
  }
  return change;
}

/** A chunk as one paragraph of its text (line breaks are kept by the plain-text class). */
function plainText(chunk: Chunk): Paragraph {
  return { type: 'paragraph', data: { hProperties: { className: ['plain-text'] } }, children: [{ type: 'text', value: chunk.text }] };
}
