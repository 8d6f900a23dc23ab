/**
 * Obsidian syntax that the markdown libraries in use do not cover: `%%comments%%`, `#tags` and
 * `^block` ids. Wikilinks and embeds come from @flowershow/remark-wiki-link, callouts from
 * @r4ai/remark-callout, `==highlights==` from remark-flexible-markers.
 */
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import { visit } from 'unist-util-visit';
import type { SitePath } from '../../lib/paths.ts';
import { HeadingSlugger } from '../../lib/slugs.ts';

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

/** `#tag` and `#nested/tag`: letters, digits, `_`, `-` and `/`, not only digits, after a space. */
const TAG = /(?<=^|[\s(])#([\p{L}\p{N}_/-]*[\p{L}_-][\p{L}\p{N}_/-]*)/gu;

/** Turns inline tags into links to their tag pages, telling `onTag` about each. */
export function remarkTags(tagPath: (tag: string) => SitePath, onTag: (tag: string) => void) {
  return (tree: Root) => {
    findAndReplace(
      tree,
      [
        TAG,
        (_match: string, name: string) => {
          const tag = name.replace(/\/+$/, '');
          onTag(tag);
          return {
            type: 'link',
            url: tagPath(tag),
            data: { hProperties: { className: ['tag'] } },
            children: [{ type: 'text', value: `#${tag}` }],
          };
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
      if (/^h[1-6]$/.test(element.tagName) && !element.properties.id) element.properties.id = slugger.slug(hastToString(element));
    });
  };
}
