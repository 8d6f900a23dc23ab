/**
 * The markdown tree's node types that the Obsidian plugins add, declared to mdast by module
 * augmentation so that code walking a note's tree sees them typed, without casts.
 */
import type { Data, Literal } from 'mdast';

/** What @flowershow/remark-wiki-link records on a link: the alias and, for images, a size. */
export interface WikiLinkData extends Data {
  alias?: string;
}

/** `[[target|alias]]`: `value` is the target, with any `#heading` or `#^block`. */
export interface WikiLink extends Literal {
  type: 'wikiLink';
  data?: WikiLinkData;
}

/** `![[target|alias]]`: an embedded note, section or file (`![[image.png|200]]` reads `200` as a width). */
export interface Embed extends Literal {
  type: 'embed';
  data?: WikiLinkData;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    wikiLink: WikiLink;
    embed: Embed;
  }
  interface RootContentMap {
    wikiLink: WikiLink;
    embed: Embed;
  }
  interface Data {
    /** On a block that stands for an embedded note: that note's id (links inside resolve against it). */
    embeddedFrom?: string;
  }
}
