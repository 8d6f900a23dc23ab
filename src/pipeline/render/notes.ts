/**
 * Notes to sanitized HTML. Each note is parsed once (comments removed, block ids marked); then its
 * embeds are expanded, its links resolved (recording backlinks and broken links with their line),
 * and the result goes through the same kind of allowlist sanitizer as ATT&CK texts.
 */
import remarkCallout from '@r4ai/remark-callout';
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { Blockquote, Code, Heading, Image, Link, Nodes, Parent, Root, RootContent, Text } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import remarkFlexibleMarkers from 'remark-flexible-markers';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { SitePath } from '../../lib/paths.ts';
import type { AttackObject, RichText } from '../../model/attack.ts';
import { tokenizeSiteUrls, TokenTable, withoutMarkCharacters, withoutMarkers } from './rich-text.ts';
import { parseBounded } from './bounded-parse.ts';
import { rehypeSafeUrls } from './safe-urls.ts';
import { CITATION, shorten } from './markdown.ts';
import { ImportReport } from '../report.ts';
import type { ParsedNote } from '../vault/frontmatter.ts';
import type { AttackLookup, AttackMatch, VaultIndex } from '../vault/resolve.ts';
import { fileKind, type VaultAsset } from '../sources/vault.ts';
import { blockAnchor, linkOf, obsidianParser, rehypeBlockIds, rehypeHeadingIds, remarkTags, splitTarget, stripComments } from './obsidian.ts';
import { HeadingSlugger } from '../../lib/slugs.ts';
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

/** Code blocks that are queries for an Obsidian plugin, by language, with what runs them. */
const QUERY_LANGUAGES: Record<string, string> = {
  dataview: 'Dataview query',
  dataviewjs: 'Dataview script',
  base: 'Bases view',
  tasks: 'Tasks query',
};

export interface VaultLinks {
  index: VaultIndex;
  attack: AttackLookup;
  /** A published note's page path, or undefined for notes left out of the site. */
  notePath(note: ParsedNote): SitePath | undefined;
  assetPath(asset: VaultAsset): SitePath;
  tagPath(tag: string): SitePath;
}

/**
 * A lookup a note's rendering made: a link target and the note or file it found, a page path, or
 * the text of a note it embeds or links into. Replayed against a later import, they tell whether
 * the rendering still holds (src/pipeline/vault/render-cache.ts).
 */
export type Dependency =
  | { kind: 'note'; target: string; id?: string }
  | { kind: 'asset'; target: string; folder: string; file?: string }
  | { kind: 'path'; id: string; path?: SitePath }
  | { kind: 'text'; id: string; hash: string };

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
  dependencies: Dependency[];
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
  /** The note's first heading repeats its title: it is left out of its page (the page's title says it). */
  titleHeading: boolean;
  /** The tokens of the note's rich text: its citations, then its links to the site. */
  tokens: TokenTable;
}

type AttributeRule = NonNullable<typeof defaultSchema.attributes>[string];

/** The sanitizer keeps one className rule per element, so ours replaces GitHub's. */
function withoutClassName(rules: AttributeRule | undefined): AttributeRule {
  return (rules ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className'));
}

/** The sanitizer's allowlist for notes: GitHub's, plus what callouts, highlights and links need. */
export const notesSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark', 'u', 'audio', 'video'],
  protocols: { ...defaultSchema.protocols, src: [] },
  attributes: {
    ...defaultSchema.attributes,
    a: [...withoutClassName(defaultSchema.attributes?.a), ['className', 'data-footnote-backref', 'tag', 'wikilink', 'file-link', 'outdated-link']],
    span: [['className', 'broken-link', 'unpublished-link', 'link-status']],
    div: [...(defaultSchema.attributes?.div ?? []), 'dataCallout', 'dataCalloutType', 'dataCalloutTitle', 'dataCalloutBody', ['className', 'embed'], 'dataBlockId'],
    details: ['dataCallout', 'dataCalloutType', 'open', ['className', 'obsidian-query']],
    audio: ['src', 'controls', ['preload', 'metadata']],
    video: ['src', 'controls', 'width', 'height', ['preload', 'metadata']],
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

export function createNoteRenderer(links: VaultLinks, vaultRoot: string) {
  const parser = obsidianParser;
  const transformer = unified()
    .use(remarkCallout)
    .use(remarkFlexibleMarkers, { markerClassName: () => [] })
    .use(() => (tree: Root, file: VFile) => {
      const { run } = file.data;
      if (!run) throw new Error('a note is rendered without its run');
      resolveLinks(tree, run);
      // After resolving: tag links point at tag pages, not at notes.
      remarkTags(links.tagPath, (tag) => run.inlineTags.add(tag))(tree);
      foldQueries(tree);
    })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, notesSchema)
    .use(rehypeSafeUrls)
    .use(() => (tree: HastRoot, file: VFile) => citationTokens(tree, file.data.run!.tokens))
    .use(rehypeHeadingIds)
    .use(rehypeBlockIds)
    .use(() => (tree: HastRoot, file: VFile) => {
      removeIdsInEmbeds(tree);
      removeEmptyParagraphs(tree);
      if (file.data.run?.titleHeading) tree.children.splice(0, tree.children.findIndex((node) => node.type === 'element') + 2);
    })
    .freeze();

  const parsedTrees = new Map<string, { tree: Root; problems: { line: number; message: string }[] }>();
  /** Where the note being rendered reports its problems. */
  let report = new ImportReport();
  const placesOf = new Map<string, Places>();
  /** What the note being rendered looked up: the render holds while each lookup gives the same. */
  let dependencies = new Map<string, Dependency>();
  let rendering: ParsedNote | undefined;

  const depend = (dependency: Dependency) => dependencies.set(JSON.stringify(dependency), dependency);
  function findNote(target: string): ParsedNote | undefined {
    const found = links.index.findNote(target);
    depend({ kind: 'note', target, id: found?.id });
    return found;
  }
  function findAsset(target: string, folder: string): VaultAsset | undefined {
    const found = links.index.findAsset(target, folder);
    depend({ kind: 'asset', target, folder, file: found?.file });
    return found;
  }
  function notePath(note: ParsedNote): SitePath | undefined {
    const path = links.notePath(note);
    depend({ kind: 'path', id: note.id, path });
    return path;
  }
  function assetPath(asset: VaultAsset): SitePath {
    const path = links.assetPath(asset);
    depend({ kind: 'path', id: `file:${asset.file}`, path });
    return path;
  }
  /** Another note's text shapes this one (embeds, anchors). */
  function readsText(note: ParsedNote): void {
    if (note !== rendering) depend({ kind: 'text', id: note.id, hash: note.hash });
  }

  /** The places a link can point at in a note: its headings and its blocks. */
  function places(note: ParsedNote): Places {
    readsText(note);
    let found = placesOf.get(note.id);
    if (!found) {
      const slugger = new HeadingSlugger();
      const tree = parsed(note);
      found = { headings: [], blocks: new Set(), titleHeading: titleHeadingOf(tree, note) };
      visit(tree, (node) => {
        if (node.type === 'heading') found!.headings.push({ key: headingKey(mdastToString(node)), id: slugger.slug(mdastToString(node)) });
        const block = node.data?.hProperties?.dataBlockId;
        if (typeof block === 'string') found!.blocks.add(block);
      });
      placesOf.set(note.id, found);
    }
    return found;
  }

  /**
   * The id on the note's page that an anchor names, found as Obsidian finds it (headings whatever
   * their case and punctuation); '' for the heading that repeats the title, which the page's own
   * title stands for; undefined when the note has no such place.
   */
  function placeId(note: ParsedNote, anchor: string): string | undefined {
    const { headings, blocks, titleHeading } = places(note);
    if (anchor.startsWith('^')) return blocks.has(anchor.slice(1)) ? blockAnchor(anchor.slice(1)) : undefined;
    const index = headings.findIndex((heading) => heading.key === headingKey(anchor));
    if (index < 0) return undefined;
    return titleHeading && index === 0 ? '' : headings[index]!.id;
  }

  /** `#anchor` when the note has it; otherwise nothing, with a warning (the link still opens the note). */
  function checkedAnchor(note: ParsedNote, anchor: string | undefined, from: ParsedNote, node: { position?: Nodes['position'] }, reported: boolean): string {
    if (!anchor) return '';
    const id = placeId(note, anchor);
    if (id !== undefined) return id ? `#${id}` : '';
    if (reported) report.warn(lineOf(from, node), `no heading or block "${anchor}" in ${note.file}; linked to the note`);
    return '';
  }

  /** A note's markdown tree before any transform: what embeds copy. */
  function parsed(note: ParsedNote): Root {
    readsText(note);
    let parsedNote = parsedTrees.get(note.id);
    if (!parsedNote) {
      const bounded = parseBounded(withoutMarkCharacters(stripComments(note.body)), (text) => parser.parse(text), { maxChars: MAX_MARKDOWN_NOTE_CHARS });
      parsedNote = { tree: parser.runSync(bounded.tree) as Root, problems: bounded.problems };
      parsedTrees.set(note.id, parsedNote);
    }
    return parsedNote.tree;
  }

  /** Renders a note, its problems reported to `noteReport` (the note's own report, which a cache can keep). */
  function render(note: ParsedNote, noteReport: ImportReport): RenderedNote {
    rendering = note;
    dependencies = new Map();
    report = noteReport;
    parsed(note);
    for (const problem of parsedTrees.get(note.id)!.problems) report.warn(atBodyLine(note, problem.line), problem.message);
    const titleHeading = places(note).titleHeading;
    const tokens = new TokenTable();
    const run: NoteRun = { note, inlineTags: new Set(), linksToNotes: new Set(), linksToAttack: new Set(), assets: new Set(), embeds: 0, titleHeading, tokens };
    const tree = structuredClone(parsed(note));
    expandEmbeds(tree, note, run, [note.id]);
    const hast = transformer.runSync(tree, new VFile({ data: { run } })) as HastRoot;
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
      dependencies: [...dependencies.values()],
    };
  }

  /**
   * Paragraphs holding only `![[Note]]` become the embedded note, or its section (`![[Note#Part]]`,
   * `![[#Part]]` for one of the note's own). `chain` names what is being embedded, as `id#anchor`:
   * a section may embed another section of its own note, never one it is inside of.
   */
  function expandEmbeds(tree: Parent, host: ParsedNote, run: NoteRun, chain: string[]): void {
    visit(tree, 'paragraph', (paragraph, index, parent) => {
      const content = paragraph.children.filter((child) => !(child.type === 'text' && !child.value.trim()));
      const embed = content.length === 1 ? content[0] : undefined;
      if (embed?.type !== 'embed' || !parent || index === undefined) return undefined;
      const { target, anchor } = linkOf(embed);
      const note = target ? findNote(target) : anchor ? host : undefined;
      if (!note) return undefined;
      const place = anchor === undefined ? note.id : `${note.id}#${anchor}`;
      const circular = chain.some((link) => link === place || (anchor === undefined && link.split('#')[0] === note.id));
      if (circular || chain.length > EMBED_DEPTH) {
        report.warn(lineOf(host, embed), `embed of "${embed.value}" is circular or nested too deep; shown as a link`);
        return undefined;
      }
      if (++run.embeds > MAX_EMBEDS) {
        report.warn(lineOf(host, embed), `embed of "${embed.value}" goes beyond the ${MAX_EMBEDS} embeds a note may show; shown as a link`);
        return undefined;
      }
      parent.children.splice(index, 1, embedBlock(note, anchor, run, [...chain, place]));
      return index + 1;
    });
  }

  function embedBlock(note: ParsedNote, anchor: string | undefined, run: NoteRun, chain: string[]): Blockquote {
    const copy = structuredClone(parsed(note));
    copy.children = section(copy.children, anchor);
    expandEmbeds(copy, note, run, chain);
    const path = notePath(note);
    const id = anchor === undefined ? undefined : placeId(note, anchor);
    const source: Link = { type: 'link', url: path ? path + (id ? `#${id}` : '') : '', children: [{ type: 'text', value: note.title }] };
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
        const source = embeddedFrom ? (findNote(embeddedFrom) ?? from) : from;
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
    if (node.type === 'link') return resolveMarkdownLink(node, from, reported, run, broken);
    return undefined;
  }

  function resolveWikiLink(
    node: WikiNode,
    from: ParsedNote,
    reported: boolean,
    run: NoteRun,
    broken: (target: string, label: string, reason: string) => Nodes,
  ): Nodes {
    const { target, anchor, alias } = linkOf(node);
    const label = alias ?? (anchor ? `${target || from.title} › ${anchor.replace(/^\^/, '')}` : target);
    if (!target && !anchor) return broken('', `[[${node.value}]]`, 'empty link');
    const attack = links.attack.findInLink(target, alias);
    if (attack) {
      if (reported) report.attackLink(lineOf(from, node), attack, `${node.type === 'embed' ? '!' : ''}[[${node.value}${alias === undefined ? '' : `|${alias}`}]]`);
      run.linksToAttack.add(attack.object);
      return attackLink({ ...linkNode(attack.object.path, label), title: links.attack.title(attack) }, attack);
    }
    if (!target) return linkNode(checkedAnchor(from, anchor, from, node, reported) || '#', label);
    const note = findNote(target);
    // A file is found by its name with or without a `#suffix` (`icon.svg#icon`), linked or embedded.
    const asset = note ? undefined : findAsset(target, folderOf(from));
    if (asset) return node.type === 'embed' ? fileNode(asset, alias, run) : fileLink(asset, alias ?? target, run);
    if (!note) return broken(node.value, label, node.type === 'embed' ? 'no such note or file' : 'no such note');
    const path = notePath(note);
    if (!path) return { type: 'text', value: label, data: { hName: 'span', hProperties: { className: ['unpublished-link'] } } } as Text;
    run.linksToNotes.add(note.id);
    return linkNode(path + checkedAnchor(note, anchor, from, node, reported), label);
  }

  function resolveImage(node: Image, from: ParsedNote, run: NoteRun, broken: (t: string, l: string, r: string) => Nodes): Nodes {
    if (/^[a-z][a-z0-9+.-]*:/i.test(node.url)) {
      // Pages load nothing from other sites: an outside image becomes a link to it.
      return { type: 'link', url: node.url, children: [{ type: 'text', value: `${node.alt || 'image'} (external image)` }] };
    }
    const asset = findAsset(splitTarget(node.url).target, folderOf(from));
    return asset ? fileNode(asset, node.alt || undefined, run) : broken(node.url, `image: ${node.alt || node.url}`, 'no such image');
  }

  function resolveMarkdownLink(node: Link, from: ParsedNote, reported: boolean, run: NoteRun, broken: (t: string, l: string, r: string) => Nodes): Nodes | undefined {
    const attack = links.attack.findByUrl(node.url);
    if (attack) {
      if (reported) report.attackLink(lineOf(from, node), attack, node.url);
      run.linksToAttack.add(attack.object);
      node.url = attack.object.path;
      return attackLink(node, attack);
    }
    if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(node.url)) return undefined;
    const { target, anchor } = splitTarget(safeDecode(node.url));
    const note = findNote(target);
    const path = note && notePath(note);
    if (note && path) {
      run.linksToNotes.add(note.id);
      node.url = path + checkedAnchor(note, anchor, from, node, true);
      return node;
    }
    const asset = findAsset(target, folderOf(from));
    if (asset) {
      run.assets.add(asset);
      node.url = assetPath(asset);
      return node;
    }
    return /\.md$/i.test(target) ? broken(node.url, mdastToString(node), 'no such note') : undefined;
  }

  /**
   * An embedded file as Obsidian shows it: an image (`|200` or `|200x100` sets its size, other text
   * is its description), a player for audio and video, a link for the rest (PDFs).
   */
  function fileNode(asset: VaultAsset, alias: string | undefined, run: NoteRun): Nodes {
    const kind = fileKind(asset.file);
    const size = alias ? /^(\d+)(?:x(\d+))?$/.exec(alias) : null;
    const dimensions = size ? { width: size[1], ...(size[2] ? { height: size[2] } : {}) } : undefined;
    const name = asset.file.split('/').at(-1)!;
    if (kind === 'image') {
      run.assets.add(asset);
      return { type: 'image', url: assetPath(asset), alt: (size ? undefined : alias) ?? name, data: dimensions ? { hProperties: dimensions } : undefined };
    }
    if (kind === 'audio' || kind === 'video') {
      run.assets.add(asset);
      return {
        type: 'text',
        value: name,
        data: {
          hName: kind,
          hProperties: { src: assetPath(asset), controls: true, preload: 'metadata', ...(kind === 'video' ? dimensions : {}) },
          hChildren: [{ type: 'element', tagName: 'a', properties: { href: assetPath(asset) }, children: [{ type: 'text', value: name }] }],
        },
      } as Text;
    }
    return fileLink(asset, size ? name : (alias ?? name), run);
  }

  function fileLink(asset: VaultAsset, label: string, run: NoteRun): Link {
    run.assets.add(asset);
    const kind = fileKind(asset.file);
    return {
      type: 'link',
      url: assetPath(asset),
      data: { hProperties: { className: ['file-link'] } },
      children: [{ type: 'text', value: kind === 'pdf' ? `${label} (PDF)` : label }],
    };
  }

  function lineOf(note: ParsedNote, node: { position?: Nodes['position'] }) {
    return atBodyLine(note, node.position?.start.line);
  }

  /** Where line `line` of a note's body is in its file. */
  function atBodyLine(note: ParsedNote, line: number | undefined) {
    return { source: `${vaultRoot}/${note.file}`, line: line === undefined ? undefined : line + note.bodyLine - 1 };
  }

  /** A link to an outdated ATT&CK id says so in its text ("(revoked)") and, in its title, what the id was and what replaced it. */
  function attackLink(link: Link, match: AttackMatch): Link {
    if (!match.outdated) return link;
    link.title = links.attack.title(match);
    const properties = link.data?.hProperties ?? {};
    link.data = { ...link.data, hProperties: { ...properties, className: [...((properties.className as string[] | undefined) ?? []), 'outdated-link'] } };
    link.children.push({ type: 'text', value: ` (${match.outdated.status})`, data: { hName: 'span', hProperties: { className: ['link-status'] } } } as Text);
    return link;
  }

  return { render, parsed };
}

function linkNode(url: string, label: string): Link {
  return { type: 'link', url, data: { hProperties: { className: ['wikilink'] } }, children: [{ type: 'text', value: label }] };
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
  const start = nodes.findIndex((node) => node.type === 'heading' && headingKey(mdastToString(node)) === headingKey(anchor));
  if (start < 0) return [];
  const depth = (nodes[start] as Heading).depth;
  const end = nodes.findIndex((node, index) => index > start && node.type === 'heading' && node.depth <= depth);
  return nodes.slice(start, end < 0 ? undefined : end);
}

/** Where links can point in a note. */
interface Places {
  headings: { key: string; id: string }[];
  blocks: Set<string>;
  /** The note starts with a heading that repeats its title: its page does not show it twice. */
  titleHeading: boolean;
}

/**
 * A heading as links name it: Obsidian matches them whatever their case, and links cannot hold
 * `# | ^ : %% [[ ]]`, so these are left out on both sides.
 */
function headingKey(text: string): string {
  return text.toLowerCase().replace(/[#|^:%[\]]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether the note's first block is a heading that says its title again. */
function titleHeadingOf(tree: Root, note: ParsedNote): boolean {
  const first = tree.children[0];
  return first?.type === 'heading' && headingKey(mdastToString(first)) === headingKey(note.title);
}

/**
 * Code blocks of an Obsidian plugin's queries (Dataview, Bases...) become a folded block saying
 * what they are: the site cannot run them, and their text is no content for a reader.
 */
function foldQueries(tree: Root): void {
  visit(tree, 'code', (code: Code, index, parent) => {
    const label = QUERY_LANGUAGES[code.lang?.toLowerCase() ?? ''];
    if (!label || !parent || index === undefined) return undefined;
    parent.children[index] = {
      type: 'blockquote',
      data: { hName: 'details', hProperties: { className: ['obsidian-query'] } },
      children: [
        { type: 'paragraph', data: { hName: 'summary' }, children: [{ type: 'text', value: `${label} (runs in Obsidian)` }] },
        code,
      ],
    };
    return 'skip';
  });
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

/**
 * `(Citation: Name)` in a note's text (not in code) becomes a citation token, which the page
 * numbers against the references of the ATT&CK objects the note is about.
 */
function citationTokens(tree: HastRoot, tokens: TokenTable): void {
  visit(tree, (node, index, parent) => {
    if (node.type === 'element' && (node.tagName === 'code' || node.tagName === 'pre')) return SKIP;
    if (node.type !== 'text' || !parent || index === undefined || !node.value.includes('(Citation:')) return undefined;
    node.value = node.value.replace(CITATION, (_: string, name: string) => tokens.marker({ cite: name.trim() }));
    return undefined;
  });
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
  return first ? shorten(withoutMarkers(hastToString(first))) : '';
}

declare module 'vfile' {
  interface DataMap {
    /** What rendering the note collects (createNoteRenderer). */
    run: NoteRun;
  }
}
