/**
 * YAML as highlighted HTML, made at build time from the `yaml` package's own lexer: every piece of
 * the text escaped, wrapped in a span whose class says what it is (key, string, comment...). Only
 * class names are added, so that the page needs no inline style (the site's policy allows none);
 * the colours are in the stylesheet. The lexer gives back every character of its input, so the
 * text shown is exactly the file.
 */
import { CST, Lexer } from 'yaml';
import { escapeHtml } from './rich-text.ts';

/** Texts longer than this are shown escaped but not highlighted: the spans would triple their size. */
export const HIGHLIGHT_LIMIT = 32 * 1024;

type Kind = 'key' | 'string' | 'comment' | 'indicator' | 'meta' | 'block' | 'plain';

const CLASSES: Record<Kind, string | undefined> = {
  key: 'yaml-key',
  string: 'yaml-string',
  comment: 'yaml-comment',
  indicator: 'yaml-indicator',
  meta: 'yaml-meta',
  block: 'yaml-block',
  plain: undefined,
};

/** Markers the lexer adds that are not part of the text. */
const MARKERS = new Set<string>([CST.BOM, CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

const KIND_OF_TYPE: Partial<Record<NonNullable<ReturnType<typeof CST.tokenType>>, Kind>> = {
  comment: 'comment',
  anchor: 'meta',
  alias: 'meta',
  tag: 'meta',
  'directive-line': 'meta',
  'single-quoted-scalar': 'string',
  'double-quoted-scalar': 'string',
  'seq-item-ind': 'indicator',
  'explicit-key-ind': 'indicator',
  'map-value-ind': 'indicator',
  'flow-map-start': 'indicator',
  'flow-map-end': 'indicator',
  'flow-seq-start': 'indicator',
  'flow-seq-end': 'indicator',
  'flow-error-end': 'indicator',
  comma: 'indicator',
  'block-scalar-header': 'indicator',
  'doc-start': 'indicator',
  'doc-end': 'indicator',
};

interface Piece {
  kind: Kind;
  text: string;
}

/** The YAML text as HTML: highlighted up to HIGHLIGHT_LIMIT, escaped only beyond it. */
export function highlightYaml(source: string): string {
  if (source.length > HIGHLIGHT_LIMIT) return escapeHtml(source);
  let html = '';
  for (const { kind, text } of merged(pieces(source))) {
    const className = CLASSES[kind];
    html += className ? `<span class="${className}">${escapeHtml(text)}</span>` : escapeHtml(text);
  }
  return html;
}

function pieces(source: string): Piece[] {
  const tokens = [...new Lexer().lex(source)];
  const result: Piece[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token === CST.SCALAR) {
      // The token after the marker is the scalar's text: a key when a `:` follows on its line.
      const text = tokens[++index] ?? '';
      const kind = text.includes('\n') ? 'block' : isKey(tokens, index + 1) ? 'key' : 'string';
      result.push({ kind, text });
    } else if (!MARKERS.has(token)) {
      const type = CST.tokenType(token);
      const kind = type ? (KIND_OF_TYPE[type] ?? 'plain') : 'plain';
      result.push({ kind: kind === 'string' && isKey(tokens, index + 1) ? 'key' : kind, text: token });
    }
  }
  return result;
}

function isKey(tokens: string[], from: number): boolean {
  for (let index = from; index < tokens.length; index++) {
    const type = CST.tokenType(tokens[index]!);
    if (type === 'map-value-ind') return true;
    if (type !== 'space') return false;
  }
  return false;
}

/** Neighbouring pieces of one kind as one, so that the HTML holds as few spans as it can. */
function merged(list: Piece[]): Piece[] {
  const result: Piece[] = [];
  for (const piece of list) {
    const last = result.at(-1);
    if (last && last.kind === piece.kind) last.text += piece.text;
    else result.push({ ...piece });
  }
  return result;
}
