/**
 * Notes to sanitized HTML. Each note is parsed once (comments removed, block ids marked); then its
 * embeds are expanded, its links resolved (recording backlinks and broken links with their line),
 * and the result goes through the same kind of allowlist sanitizer as ATT&CK texts.
 */
import wikiLinkPlugin from '@flowershow/remark-wiki-link';
import remarkCallout from '@r4ai/remark-callout';
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Blockquote, Heading, Image, Link, Nodes, Parent, Root, RootContent, Text } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import remarkFlexibleMarkers from 'remark-flexible-markers';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { SitePath } from '../../lib/paths.ts';
import type { AttackObject, RichText } from '../../model/attack.ts';
import { tokenizeSiteUrls, TokenTable, withoutMarkCharacters } from './rich-text.ts';
import { parseBounded } from './bounded-parse.ts';
import { rehypeSafeUrls } from './safe-urls.ts';
import { shorten } from './markdown.ts';
import type { ImportReport } from '../report.ts';
import type { ParsedNote } from '../vault/frontmatter.ts';
import type { VaultAsset } from '../sources/vault.ts';
import { splitTarget, type AttackLookup, type VaultIndex } from '../vault/resolve.ts';
import { blockAnchor, rehypeBlockIds, rehypeHeadingIds, remarkBlockIds, remarkTags, stripComments } from './obsidian.ts';
import { HeadingSlugger, headingId } from '../../lib/slugs.ts';
import type { Embed, WikiLink } from './syntax-tree.ts';

const EMPTY_LINK = /\[\[\s*\]\]/;

/** How deep embeds may nest (a note embedding a note embedding a note). */
const EMBED_DEPTH = 3;

/** How many notes one note may embed, counting embeds inside embeds: copies multiply otherwise. */
export const MAX_EMBEDS = 50;

/**
 * The longest note body rendered as markdown (longer ones are shown as plain text): parsing costs
 * grow with the text, and at this size even the costliest markdown renders in seconds.
 */
export const MAX_MARKDOWN_NOTE_CHARS = 256 * 1024;

type WikiNode = WikiLink | Embed;

export interface VaultLinks {
  index: VaultIndex;
  attack: AttackLookup;
  /** A published note's page path, or undefined for notes left out of the site. */
  notePath(note: ParsedNote): SitePath | undefined;
  assetPath(asset: VaultAsset): SitePath;
  tagPath(tag: string): SitePath;
}

export interface RenderedNote {
  tree: HastRoot;
  /** The tokens of the tree's site links, for rich texts cut from it. */
  tokens: TokenTable;
  html: RichText;
  excerpt: string;
  inlineTags: string[];
  linksToNotes: string[];
  linksToAttack: AttackObject[];
  assets: VaultAsset[];
}

/** What rendering one note collects, passed to the plugins through the file's data. */
export interface NoteRun {
  note: ParsedNote;
  inlineTags: Set<string>;
  linksToNotes: Set<string>;
  linksToAttack: Set<AttackObject>;
  assets: Set<VaultAsset>;
  /** Notes embedded so far, at any depth. */
  embeds: number;
}

type AttributeRule = NonNullable<typeof defaultSchema.attributes>[string];

/** The sanitizer keeps one className rule per element, so ours replaces GitHub's. */
function withoutClassName(rules: AttributeRule | undefined): AttributeRule {
  return (rules ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className'));
}

/** The sanitizer's allowlist for notes: GitHub's, plus what callouts, highlights and links need. */
export const notesSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'u'],
  protocols: { ...defaultSchema.protocols, src: [] },
  attributes: {
    ...defaultSchema.attributes,
    a: [...withoutClassName(defaultSchema.attributes?.a), ['className', 'data-footnote-backref', 'tag', 'wikilink']],
    span: [['className', 'broken-link', 'unpublished-link']],
    div: [...(defaultSchema.attributes?.div ?? []), 'dataCallout', 'dataCalloutType', 'dataCalloutTitle', 'dataCalloutBody', ['className', 'embed'], 'dataBlockId'],
    details: ['dataCallout', 'dataCalloutType', 'open'],
    summary: [...(defaultSchema.attributes?.summary ?? []), 'dataCalloutTitle'],
    img: [...(defaultSchema.attributes?.img ?? []), 'title', 'width', 'height'],
    p: ['dataBlockId', ['className', 'embed-source', 'plain-text']],
    li: [...(defaultSchema.attributes?.li ?? []), 'dataBlockId'],
    ul: [...(defaultSchema.attributes?.ul ?? []), 'dataBlockId'],
    ol: [...(defaultSchema.attributes?.ol ?? []), 'start', 'dataBlockId'],
    table: [...(defaultSchema.attributes?.table ?? []), 'dataBlockId'],
    blockquote: [...(defaultSchema.attributes?.blockquote ?? []), 'dataBlockId'],
  },
};

export function createNoteRenderer(links: VaultLinks, report: ImportReport, vaultRoot: string) {
  const parser = unified().use(remarkParse).use(remarkGfm).use(wikiLinkPlugin).use(remarkBlockIds).freeze();
  const transformer = unified()
    .use(remarkCallout)
    .use(remarkFlexibleMarkers, { markerClassName: () => [] })
    .use(() => (tree: Root, file: VFile) => {
      const { run } = file.data;
      if (!run) throw new Error('a note is rendered without its run');
      resolveLinks(tree, run);
      // After resolving: tag links point at tag pages, not at notes.
      remarkTags(links.tagPath, (tag) => run.inlineTags.add(tag))(tree);
    })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, notesSchema)
    .use(rehypeSafeUrls)
    .use(rehypeHeadingIds)
    .use(rehypeBlockIds)
    .use(() => (tree: HastRoot) => {
      removeIdsInEmbeds(tree);
      removeEmptyParagraphs(tree);
    })
    .freeze();

  const parsedTrees = new Map<string, Root>();
  const anchorSets = new Map<string, Set<string>>();

  /** The ids a link can point at in a note: its headings' slugs and its blocks' ids. */
  function anchorsOf(note: ParsedNote): Set<string> {
    let anchors = anchorSets.get(note.id);
    if (!anchors) {
      const slugger = new HeadingSlugger();
      anchors = new Set();
      visit(parsed(note), (node) => {
        if (node.type === 'heading') anchors!.add(slugger.slug(mdastToString(node)));
        const block = node.data?.hProperties?.dataBlockId;
        if (typeof block === 'string') anchors!.add(blockAnchor(block));
      });
      anchorSets.set(note.id, anchors);
    }
    return anchors;
  }

  /** `#anchor` when the note has it; otherwise nothing, with a warning (the link still opens the note). */
  function checkedAnchor(note: ParsedNote, anchor: string | undefined, from: ParsedNote, node: { position?: Nodes['position'] }, reported: boolean): string {
    if (!anchor) return '';
    const id = anchorId(anchor);
    if (anchorsOf(note).has(id)) return `#${id}`;
    if (reported) report.warn(lineOf(from, node), `no heading or block "${anchor}" in ${note.file}; linked to the note`);
    return '';
  }

  /** A note's markdown tree before any transform: what embeds copy. */
  function parsed(note: ParsedNote): Root {
    let tree = parsedTrees.get(note.id);
    if (!tree) {
      const bounded = parseBounded(withoutMarkCharacters(stripComments(note.body)), (text) => parser.parse(text), { maxChars: MAX_MARKDOWN_NOTE_CHARS });
      for (const problem of bounded.problems) report.warn(atBodyLine(note, problem.line), problem.message);
      tree = parser.runSync(bounded.tree) as Root;
      parsedTrees.set(note.id, tree);
    }
    return tree;
  }

  function render(note: ParsedNote): RenderedNote {
    const run: NoteRun = { note, inlineTags: new Set(), linksToNotes: new Set(), linksToAttack: new Set(), assets: new Set(), embeds: 0 };
    const tree = structuredClone(parsed(note));
    expandEmbeds(tree, note, run, [note.id]);
    const hast = transformer.runSync(tree, new VFile({ data: { run } })) as HastRoot;
    const tokens = new TokenTable();
    tokenizeSiteUrls(hast, tokens);
    return {
      tree: hast,
      tokens,
      html: tokens.richText(hast),
      excerpt: excerptOf(hast),
      inlineTags: [...run.inlineTags],
      linksToNotes: [...run.linksToNotes],
      linksToAttack: [...run.linksToAttack],
      assets: [...run.assets],
    };
  }

  /** Paragraphs holding only `![[Note]]` become the embedded note (or its section). */
  function expandEmbeds(tree: Parent, host: ParsedNote, run: NoteRun, chain: string[]): void {
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      const content = paragraph.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
      const embed = content.length === 1 ? content[0] : undefined;
      if (embed?.type !== 'embed' || !parent || index === undefined) return undefined;
      const { target, anchor } = splitTarget(embed.value);
      const note = links.index.findNote(target);
      if (!note) return undefined;
      if (chain.includes(note.id) || chain.length > EMBED_DEPTH) {
        report.warn(lineOf(host, embed), `embed of "${embed.value}" is circular or nested too deep; shown as a link`);
        return undefined;
      }
      if (++run.embeds > MAX_EMBEDS) {
        report.warn(lineOf(host, embed), `embed of "${embed.value}" goes beyond the ${MAX_EMBEDS} embeds a note may show; shown as a link`);
        return undefined;
      }
      parent.children.splice(index, 1, embedBlock(note, anchor, run, chain));
      return index + 1;
    });
  }

  function embedBlock(note: ParsedNote, anchor: string | undefined, run: NoteRun, chain: string[]): Blockquote {
    const copy = structuredClone(parsed(note));
    copy.children = section(copy.children, anchor);
    expandEmbeds(copy, note, run, [...chain, note.id]);
    const path = links.notePath(note);
    const source: Link = {
      type: 'link',
      url: path ? path + (anchor && anchorsOf(note).has(anchorId(anchor)) ? `#${anchorId(anchor)}` : '') : '',
      children: [{ type: 'text', value: note.title }],
    };
    return {
      type: 'blockquote',
      data: { hName: 'div', hProperties: { className: ['embed'] }, embeddedFrom: note.id },
      children: [
        ...(copy.children as Blockquote['children']),
        { type: 'paragraph', data: { hProperties: { className: ['embed-source'] } }, children: [path ? source : { type: 'text', value: note.title }] },
      ],
    };
  }

  /**
   * Resolves every link of the tree: wikilinks, embeds left inline, markdown links to notes and
   * images. Content embedded from another note resolves against that note but is reported there.
   */
  function resolveLinks(tree: Root, run: NoteRun): void {
    const walk = (parent: Parent, from: ParsedNote, reported: boolean) => {
      parent.children = parent.children.flatMap((child) => {
        const embeddedFrom = child.data?.embeddedFrom;
        const source = embeddedFrom ? (links.index.findNote(embeddedFrom) ?? from) : from;
        const replacement = resolveNode(child as Nodes, from, reported, run);
        if (replacement) return replacement as RootContent | RootContent[];
        if ('children' in child) walk(child, source, reported && !embeddedFrom);
        return [child];
      });
    };
    walk(tree, run.note, true);
  }

  function resolveNode(node: Nodes, from: ParsedNote, reported: boolean, run: NoteRun): Nodes | Nodes[] | undefined {
    const broken = (target: string, label: string, reason: string): Nodes => {
      if (reported) report.brokenLink(lineOf(from, node), target, reason);
      return brokenNode(label, target);
    };
    if (node.type === 'text' && EMPTY_LINK.test(node.value)) {
      // The wikilink parser leaves `[[]]` as text; it is still a link to nowhere.
      return node.value.split(EMPTY_LINK).flatMap((piece, index) => [
        ...(index > 0 ? [broken('', '[[]]', 'empty link')] : []),
        ...(piece ? [{ type: 'text', value: piece } as Text] : []),
      ]);
    }
    if (node.type === 'wikiLink' || node.type === 'embed') return resolveWikiLink(node, from, reported, run, broken);
    if (node.type === 'image') return resolveImage(node, from, run, broken);
    if (node.type === 'link') return resolveMarkdownLink(node, from, run, broken);
    return undefined;
  }

  function resolveWikiLink(
    node: WikiNode,
    from: ParsedNote,
    reported: boolean,
    run: NoteRun,
    broken: (target: string, label: string, reason: string) => Nodes,
  ): Nodes {
    const { target, anchor } = splitTarget(node.value);
    const alias = node.data?.alias?.replace(/\\+$/, '').trim() || undefined;
    const label = alias ?? (anchor ? `${target || from.title} › ${anchor.replace(/^\^/, '')}` : target);
    if (!target && !anchor) return broken('', `[[${node.value}]]`, 'empty link');
    const attack = links.attack.findInLink(target, alias);
    if (attack) {
      if (attack.warning && reported) report.warn(lineOf(from, node), attack.warning);
      run.linksToAttack.add(attack.object);
      return linkNode(attack.object.path, label, `${attack.object.attackId} ${attack.object.name}`);
    }
    if (!target) return linkNode(checkedAnchor(from, anchor, from, node, reported) || '#', label);
    const asset = node.type === 'embed' ? links.index.findAsset(target, folderOf(from)) : undefined;
    if (asset) {
      const { 'data-fs-width': width, 'data-fs-height': height } = node.data?.hProperties ?? {};
      return imageNode(asset, alias, run, { width: dimension(width), height: dimension(height) });
    }
    const note = links.index.findNote(target);
    if (!note) return broken(node.value, label, node.type === 'embed' ? 'no such note or image' : 'no such note');
    const path = links.notePath(note);
    if (!path) return { type: 'text', value: label, data: { hName: 'span', hProperties: { className: ['unpublished-link'] } } } as Text;
    run.linksToNotes.add(note.id);
    return linkNode(path + checkedAnchor(note, anchor, from, node, reported), label);
  }

  function resolveImage(node: Image, from: ParsedNote, run: NoteRun, broken: (t: string, l: string, r: string) => Nodes): Nodes {
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url)) {
      // Pages load nothing from other sites: an outside image becomes a link to it.
      return { type: 'link', url: node.url, children: [{ type: 'text', value: `${node.alt || 'image'} (external image)` }] };
    }
    const asset = links.index.findAsset(node.url, folderOf(from));
    return asset ? imageNode(asset, node.alt || undefined, run) : broken(node.url, `image: ${node.alt || node.url}`, 'no such image');
  }

  function resolveMarkdownLink(node: Link, from: ParsedNote, run: NoteRun, broken: (t: string, l: string, r: string) => Nodes): Nodes | undefined {
    if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(node.url)) return undefined;
    const { target, anchor } = splitTarget(safeDecode(node.url));
    const note = links.index.findNote(target);
    const path = note && links.notePath(note);
    if (note && path) {
      run.linksToNotes.add(note.id);
      node.url = path + checkedAnchor(note, anchor, from, node, true);
      return node;
    }
    const asset = links.index.findAsset(target, folderOf(from));
    if (asset) {
      run.assets.add(asset);
      node.url = links.assetPath(asset);
      return node;
    }
    return /\.md$/i.test(target) ? broken(node.url, mdastToString(node), 'no such note') : undefined;
  }

  function imageNode(asset: VaultAsset, alt: string | undefined, run: NoteRun, size: { width?: string; height?: string } = {}): Image {
    run.assets.add(asset);
    const dimensions = Object.fromEntries(Object.entries(size).filter(([, value]) => value !== undefined));
    return {
      type: 'image',
      url: links.assetPath(asset),
      alt: alt ?? asset.file.split('/').at(-1)!,
      data: Object.keys(dimensions).length > 0 ? { hProperties: dimensions } : undefined,
    };
  }

  function lineOf(note: ParsedNote, node: { position?: Nodes['position'] }) {
    return atBodyLine(note, node.position?.start.line);
  }

  /** Where line `line` of a note's body is in its file. */
  function atBodyLine(note: ParsedNote, line: number | undefined) {
    return { source: `${vaultRoot}/${note.file}`, line: line === undefined ? undefined : line + note.bodyLine - 1 };
  }

  return { render, parsed };
}

function linkNode(url: string, label: string, title?: string): Link {
  return { type: 'link', url, title, data: { hProperties: { className: ['wikilink'] } }, children: [{ type: 'text', value: label }] };
}

function brokenNode(label: string, target: string): Nodes {
  return {
    type: 'text',
    value: label,
    data: { hName: 'span', hProperties: { className: ['broken-link'], title: `Unresolved link: ${target}` } },
  } as Text;
}

/** The nodes `#Heading` or `#^block` names within a note; all of them without an anchor. */
function section(nodes: RootContent[], anchor: string | undefined): RootContent[] {
  if (!anchor) return nodes;
  if (anchor.startsWith('^')) {
    const id = anchor.slice(1);
    return nodes.filter((node) => node.data?.hProperties?.dataBlockId === id);
  }
  const start = nodes.findIndex((node) => node.type === 'heading' && headingId(mdastToString(node)) === headingId(anchor));
  if (start < 0) return [];
  const depth = (nodes[start] as Heading).depth;
  const end = nodes.findIndex((node, index) => index > start && node.type === 'heading' && node.depth <= depth);
  return nodes.slice(start, end < 0 ? undefined : end);
}

/** The id an anchor names on the target page: a heading's slug, or a block's id. */
export function anchorId(anchor: string): string {
  return anchor.startsWith('^') ? blockAnchor(anchor.slice(1)) : headingId(anchor);
}

/** A width or height the wikilink plugin read from `![[image.png|200x100]]`. */
function dimension(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function folderOf(note: ParsedNote): string {
  return note.file.split('/').slice(0, -1).join('/');
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Headings inside embedded notes keep no ids: the page's own headings own them. */
function removeIdsInEmbeds(tree: HastRoot): void {
  visit(tree, 'element', (element: Element) => {
    if (!(element.properties.className as string[] | undefined)?.includes('embed')) return;
    visit(element, 'element', (inner: Element) => {
      if (inner !== element) delete inner.properties.id;
    });
  });
}

/** Callouts whose body starts with a list leave an empty paragraph behind. */
function removeEmptyParagraphs(tree: HastRoot): void {
  visit(tree, 'element', (element: Element, index, parent) => {
    if (element.tagName === 'p' && element.children.length === 0 && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

function excerptOf(tree: HastRoot): string {
  const first = tree.children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'p' && hastToString(node).trim() !== '',
  );
  return first ? shorten(hastToString(first)) : '';
}

declare module 'vfile' {
  interface DataMap {
    /** What rendering the note collects (createNoteRenderer). */
    run: NoteRun;
  }
}
