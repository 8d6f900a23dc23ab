/**
 * Markdown → sanitized HTML, cut at citations (see RichText in src/model/attack.ts).
 *
 * Raw HTML in the text survives only for tags the sanitizer allows (ATT&CK uses <code>, <b>, <br>);
 * anything else that looks like a tag, such as the placeholders `<username>` or `<pid>`, is shown
 * as text. The sanitizer is the security boundary: no script or event handler gets through.
 */
import type { Element, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Html, Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { RichText } from '../../model/attack.ts';
import { parseBounded } from './bounded-parse.ts';
import { tokenizeSiteUrls, TokenTable, withoutMarkCharacters, withoutMarkers } from './rich-text.ts';
import { forEachElement, rehypeSafeUrls } from './safe-urls.ts';
import type { ImportReport, Location } from '../report.ts';

/** GitHub's allowlist, plus <u>, minus images and form inputs (pages must work offline). */
export const sanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((tag) => !['img', 'picture', 'source', 'input'].includes(tag)),
    'u',
  ],
};

const ALLOWED_TAGS = new Set(sanitizeSchema.tagNames);

/** `(Citation: Name)`, where the name may itself hold one level of parentheses. */
export const CITATION = /\(Citation:\s*((?:[^()]|\([^()]*\))+?)\s*\)/g;


/**
 * The longest ATT&CK text rendered as markdown: ten times the longest description of any release.
 * A longer one is shown as plain text, with a warning.
 */
export const MAX_TEXT_CHARS = 64 * 1024;

const EXCERPT_LENGTH = 240;

/** Maps a link found in a text to this site's root-relative path, or undefined to leave it. */
export type LinkResolver = (href: string) => string | undefined;

export interface RenderedText {
  rich: RichText;
  /** The first block (usually the first paragraph), without citations. */
  summary: RichText;
  /** The first block as plain text, shortened. */
  excerpt: string;
  /** All of it as plain text, without citations. */
  text: string;
}

/** An ATT&CK object named by id in a text (`(LinkById: G0047)`): its name and page. */
export type ObjectById = (attackId: string) => { name: string; path: string } | undefined;

export interface MarkdownOptions {
  /** GitHub-flavoured markdown (tables, task lists, bare URLs as links). ATT&CK texts do not use it. */
  gfm?: boolean;
  /** Resolves `(LinkById: G0047)` markers; without it they stay text. */
  objectById?: ObjectById;
  /** Where texts too long or too deeply nested to render are reported. */
  report?: ImportReport;
}

function createProcessor(resolveLink: LinkResolver, { gfm = false }: MarkdownOptions, rawHtml: boolean) {
  return unified()
    .use(remarkParse)
    .use(gfm ? [remarkGfm] : [])
    .use(rawHtml ? [remarkShowUnknownTagsAsText] : [])
    .use(remarkRehype, { allowDangerousHtml: rawHtml })
    .use(rawHtml ? [rehypeRaw] : [])
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeSafeUrls)
    .use(rehypeAttackLinks, resolveLink)
    .freeze();
}

export function createMarkdownRenderer(resolveLink: LinkResolver, options: MarkdownOptions = {}) {
  // Parsing raw HTML is slow and most texts hold none, so those skip it.
  const withHtml = createProcessor(resolveLink, options, true);
  const withoutHtml = createProcessor(resolveLink, options, false);

  /**
   * The text's sanitized tree and its tokens. Citations become tokens before parsing, so that
   * markdown cannot mangle their names (many contain underscores); links to the site after
   * sanitizing. `where` names the object the text belongs to, for warnings.
   */
  function toTree(markdown: string, where: Location): { tree: Root; tokens: TokenTable } {
    const tokens = new TokenTable();
    const marked = asAttackWritesIt(withoutMarkCharacters(markdown), options.objectById).replace(CITATION, (_: string, name: string) =>
      tokens.marker({ cite: name.trim() }),
    );
    const chosen = marked.includes('<') ? withHtml : withoutHtml;
    const parsed = parseBounded(marked, (text) => chosen.parse(text), { maxChars: MAX_TEXT_CHARS });
    for (const problem of parsed.problems) options.report?.warn(where, `line ${problem.line} of the text: ${problem.message}`);
    const tree = chosen.runSync(parsed.tree) as Root;
    tokenizeSiteUrls(tree, tokens);
    return { tree, tokens };
  }

  function render(markdown: string | undefined, where: Location = {}): RichText {
    if (!markdown?.trim()) return [];
    const { tree, tokens } = toTree(markdown, where);
    return tokens.richText(tree);
  }

  function renderDescription(markdown: string | undefined, where: Location = {}): RenderedText {
    if (!markdown?.trim()) return { rich: [], summary: [], excerpt: '', text: '' };
    const { tree, tokens } = toTree(markdown, where);
    const first = tree.children.find((node): node is Element => node.type === 'element');
    return {
      rich: tokens.richText(tree),
      summary: first ? withoutCitations(tokens.richText(first)) : [],
      excerpt: first ? shorten(plainText(first)) : '',
      text: plainText(tree).trim(),
    };
  }

  /** For short texts shown inside a sentence or table cell: a lone paragraph loses its <p>. */
  function renderInline(markdown: string | undefined, where: Location = {}): RichText {
    if (!markdown?.trim()) return [];
    const { tree, tokens } = toTree(markdown, where);
    const elements = tree.children.filter((node) => node.type === 'element');
    const lone = elements.length === 1 && elements[0]!.tagName === 'p' ? elements[0]! : undefined;
    return tokens.richText(lone ? { type: 'root', children: lone.children } : tree);
  }

  return { render, renderInline, renderDescription };
}

/** `(LinkById: G0047)`, the marker ATT&CK texts use for a link to an object by its id. */
const LINK_BY_ID = /\(LinkById\s*:\s*([A-Za-z0-9.]+)\s*\)/g;
/** An unescaped backslash before markup, as in `<code>C:\Windows\</code>`: a path's, not an escape (`\\` is already one). */
const BACKSLASH_BEFORE_MARKUP = /(?<!\\)((?:\\\\)*)\\(?=<\/?[A-Za-z]|&[#A-Za-z0-9]+;)/g;
/** An asterisk between slashes, as in `/proc/*\/mem`: a path's wildcard, not emphasis. */
const PATH_WILDCARD = /(?<=\/)\*(?=\/)/g;
const CODE_SPAN = /(`+)[\s\S]*?\1/g;

/**
 * ATT&CK texts are markdown written by people who mean Windows paths and globs literally: outside
 * code spans, a backslash before a tag or entity and an asterisk between slashes are kept as
 * written (the official site shows them so), and `(LinkById: ...)` markers become links.
 */
export function asAttackWritesIt(markdown: string, objectById?: ObjectById): string {
  let result = '';
  let start = 0;
  const plain = (text: string) =>
    text
      .replace(BACKSLASH_BEFORE_MARKUP, '$1\\\\')
      .replace(PATH_WILDCARD, '\\*')
      .replace(LINK_BY_ID, (marker, id: string) => {
        const found = objectById?.(id);
        return found ? `[${escapeMarkdown(found.name)}](${found.path})` : marker;
      });
  for (const span of markdown.matchAll(CODE_SPAN)) {
    result += plain(markdown.slice(start, span.index)) + span[0];
    start = span.index + span[0].length;
  }
  return result + plain(markdown.slice(start));
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>()!#|~]/g, (char) => `\\${char}`);
}

function withoutCitations(text: RichText): RichText {
  return text.filter((part) => typeof part === 'string' || !('cite' in part));
}

function plainText(node: Root | Element): string {
  return withoutMarkers(hastToString(node)).replace(/[ \t]+/g, ' ').replace(/ *\n+ */g, '\n');
}

/** A plain text cut at a word boundary near the excerpt length. */
export function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[\s,.;:]+$/, '')}…`;
}

const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)[^>]*>/g;

/** Raw HTML tags the sanitizer would drop are turned into text, so `<pid>` reads as `<pid>`. */
function remarkShowUnknownTagsAsText() {
  return (tree: MdastRoot) => {
    visit(tree, 'html', (node: Html) => {
      node.value = node.value.replace(TAG, (tag, name: string) =>
        ALLOWED_TAGS.has(name.toLowerCase()) ? tag : tag.replace(/</g, '&lt;'),
      );
    });
  };
}

/** Points links to attack.mitre.org at this site's own pages. */
function rehypeAttackLinks(resolveLink: LinkResolver) {
  const fix = (element: Element) => {
    const href = element.tagName === 'a' ? element.properties.href : undefined;
    if (typeof href === 'string') {
      const path = resolveLink(href);
      if (path) element.properties.href = path;
    }
  };
  return (tree: Root) => forEachElement(tree, fix);
}
