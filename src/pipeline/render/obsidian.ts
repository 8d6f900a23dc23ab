/**
 * Obsidian's syntax, in one place: the one parser of Obsidian markdown (note bodies, and the links
 * written in frontmatter values and tags), and what the markdown libraries in use do not cover:
 * `%%comments%%`, `#tags` by Obsidian's rules and `^block` ids. Wikilinks and embeds come from
 * @flowershow/remark-wiki-link, callouts from @r4ai/remark-callout, `==highlights==` from
 * remark-flexible-markers.
 */
import wikiLinkPlugin from '@flowershow/remark-wiki-link';
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { SitePath } from '../../lib/paths.ts';
import { HeadingSlugger } from '../../lib/slugs.ts';
import type { Embed, WikiLink } from './syntax-tree.ts';

/** The parser of Obsidian markdown: GitHub's markdown, wikilinks and embeds, block ids. */
export const obsidianParser = unified().use(remarkParse).use(remarkGfm).use(wikiLinkPlugin).use(remarkBlockIds).freeze();

/** A wikilink or embed as written: `[[target#anchor|alias]]`, `![[target]]`. */
export interface ObsidianLink {
  /** The note or file named; empty for a place in the same note (`[[#Heading]]`). */
  target: string;
  /** The heading (the last of `#A#B`) or `^block` after `#`. */
  anchor?: string;
  alias?: string;
  embed: boolean;
}

/** What a wikilink or embed node says. */
export function linkOf(node: WikiLink | Embed): ObsidianLink {
  const { target, anchor } = splitTarget(node.value);
  // The wikilink plugin takes the size of an image (`|200x100`) out of the alias: it is put back.
  const { 'data-fs-width': width, 'data-fs-height': height } = node.data?.hProperties ?? {};
  const size = width === undefined ? undefined : `${String(width)}${height === undefined ? '' : `x${String(height)}`}`;
  const alias = node.data?.alias?.replace(/\\+$/, '').trim() || size;
  return { target, anchor, alias, embed: node.type === 'embed' };
}

/** Frontmatter values repeat across a vault (tags, tools): each is parsed once. */
const linksOfText = new Map<string, ObsidianLink[]>();

/** The wikilinks and embeds of a text (a frontmatter value, a tag), read as in a note's body. */
export function wikiLinksIn(text: string): ObsidianLink[] {
  if (!text.includes('[[')) return [];
  let links = linksOfText.get(text);
  if (!links) {
    const found: ObsidianLink[] = [];
    visit(obsidianParser.parse(text), (node) => {
      if (node.type === 'wikiLink' || node.type === 'embed') found.push(linkOf(node));
    });
    links = found;
    linksOfText.set(text, links);
  }
  return links;
}

/**
 * `Note#Heading`, `Note#^block`, `#Heading`, `Note#Heading#Subheading` (the last heading is the
 * place); a trailing `\` is the table escape of `|`.
 */
export function splitTarget(raw: string): { target: string; anchor?: string } {
  const cleaned = raw.replace(/\\+$/, '').trim();
  const hash = cleaned.indexOf('#');
  if (hash < 0) return { target: cleaned };
  const anchor = cleaned
    .slice(hash + 1)
    .split('#')
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return { target: cleaned.slice(0, hash).trim(), anchor };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Removes `%%comments%%`, inline or across lines, outside fenced code. Each removed line break is
 * kept, so that line numbers in reports still match the file.
 */
export function stripComments(markdown: string): string {
  let fence: string | undefined;
  let inComment = false;
  return markdown
    .split('\n')
    .map((line) => {
      const opening = FENCE.exec(line)?.[1];
      if (!inComment && fence === undefined && opening) {
        fence = opening;
        return line;
      }
      if (fence !== undefined) {
        if (line.trimStart().startsWith(fence[0]!.repeat(fence.length))) fence = undefined;
        return line;
      }
      let kept = '';
      for (const [index, piece] of line.split('%%').entries()) {
        if (index > 0) inComment = !inComment;
        if (!inComment) kept += piece;
      }
      return kept;
    })
    .join('\n');
}

/**
 * What a tag may hold, as in Obsidian: letters, digits, `_`, `-`, `/` (nesting) and emoji; no
 * space and no other punctuation.
 */
const TAG_CHARACTERS = String.raw`[\p{L}\p{M}\p{N}_/\-\p{Extended_Pictographic}\u200d\ufe0f]+`;
const WHOLE_TAG = new RegExp(`^${TAG_CHARACTERS}$`, 'u');
/** `#tag` after a space or at the start of a line, as Obsidian reads it. */
const INLINE_TAG = new RegExp(`(?<=^|\\s)#(${TAG_CHARACTERS})`, 'gu');

/**
 * The tag `raw` names (`#a/b`, `a/b/`, `a/b` → `a/b`), or undefined when Obsidian would not read it
 * as a tag: characters a tag cannot hold, or nothing but digits and slashes (`#2024`).
 */
export function tagName(raw: string): string | undefined {
  const tag = raw.trim().replace(/^#/, '').replace(/\/+$/, '');
  return WHOLE_TAG.test(tag) && !tag.startsWith('/') && /[^\p{N}/]/u.test(tag) ? tag : undefined;
}

/**
 * Turns inline tags into links to their tag pages, telling `onTag` about each. As in Obsidian, no
 * tag is read in code, links or headings.
 */
export function remarkTags(tagPath: (tag: string) => SitePath, onTag: (tag: string) => void) {
  return (tree: Root) => {
    findAndReplace(
      tree,
      [
        INLINE_TAG,
        (match: string, name: string) => {
          const tag = tagName(name);
          if (!tag) return false;
          onTag(tag);
          const link = { type: 'link' as const, url: tagPath(tag), data: { hProperties: { className: ['tag'] } }, children: [{ type: 'text' as const, value: `#${tag}` }] };
          // A trailing `/` is no part of the tag.
          const rest = match.slice(tag.length + 1);
          return rest ? [link, { type: 'text' as const, value: rest }] : link;
        },
      ],
      { ignore: ['link', 'linkReference', 'inlineCode', 'code', 'definition', 'heading'] },
    );
  };
}

/** The HTML id of block `^x`: ids must begin with a letter, so not `^x`. */
export function blockAnchor(id: string): string {
  return `block-${id}`;
}

const BLOCK_ID_AT_END = /\s\^([A-Za-z0-9-]+)\s*$/;
const BLOCK_ID_ALONE = /^\s*\^([A-Za-z0-9-]+)\s*$/;

/**
 * `text ^block-id` ends a paragraph with an id that `[[Note#^block-id]]` links to; `^block-id`
 * alone on the line after a list, table or quote names that block. The id travels as
 * `data-block-id`, which the sanitizer keeps and rehypeBlockIds turns into the element's id.
 */
export function remarkBlockIds() {
  return (tree: Root) => {
    visit(tree, 'paragraph', (paragraph: Paragraph, index, parent: Parent | undefined) => {
      const alone = paragraph.children.length === 1 && paragraph.children[0]!.type === 'text'
        ? BLOCK_ID_ALONE.exec(paragraph.children[0]!.value)
        : null;
      const previous = parent && index !== undefined && index > 0 ? parent.children[index - 1] : undefined;
      if (alone && previous && parent && index !== undefined) {
        setBlockId(previous, alone[1]!);
        parent.children.splice(index, 1);
        return index;
      }
      const last = paragraph.children.at(-1);
      const match = last?.type === 'text' ? BLOCK_ID_AT_END.exec(last.value) : null;
      if (last?.type === 'text' && match) {
        last.value = last.value.slice(0, match.index);
        // A tight list item's paragraph disappears in HTML, so the item carries the id.
        setBlockId(parent?.type === 'listItem' ? parent : paragraph, match[1]!);
      }
      return undefined;
    });
  };
}

function setBlockId(node: RootContent | PhrasingContent | Parent, id: string): void {
  node.data = { ...node.data, hProperties: { ...node.data?.hProperties, dataBlockId: id } };
}

/** After sanitizing: `data-block-id="x"` becomes the element's id (see blockAnchor). */
export function rehypeBlockIds() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (element: Element) => {
      const id = element.properties.dataBlockId;
      if (typeof id === 'string') {
        delete element.properties.dataBlockId;
        element.properties.id = blockAnchor(id);
      }
    });
  };
}

/** Gives every heading an id, as rehype-slug does, but never an empty one (HeadingSlugger). */
export function rehypeHeadingIds() {
  return (tree: HastRoot) => {
    const slugger = new HeadingSlugger();
    visit(tree, 'element', (element: Element) => {
      // Embedded notes' headings keep no ids (the page's own headings own them), and take none.
      if ((element.properties.className as string[] | undefined)?.includes('embed')) return SKIP;
      if (/^h[1-6]$/.test(element.tagName) && !element.properties.id) element.properties.id = slugger.slug(hastToString(element));
      return undefined;
    });
  };
}
