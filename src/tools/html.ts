/**
 * The tags of an HTML page, read with htmlparser2 (a streaming parser: fast enough for every page of
 * a large site). Attribute values come entity-decoded, as a browser sees them.
 */
import { Parser } from 'htmlparser2';

export interface Tag {
  /** Lower-case element name. */
  name: string;
  attributes: Record<string, string>;
  /** The text inside a <script> or <style> element. */
  text?: string;
}

const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);

/** Every start tag of the page, in document order. */
export function readTags(html: string): Tag[] {
  const tags: Tag[] = [];
  let rawText: Tag | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      const tag: Tag = RAW_TEXT_ELEMENTS.has(name) ? { name, attributes, text: '' } : { name, attributes };
      tags.push(tag);
      if (tag.text !== undefined) rawText = tag;
    },
    ontext(text) {
      if (rawText) rawText.text += text;
    },
    onclosetag(name) {
      if (rawText?.name === name) rawText = undefined;
    },
  });
  parser.end(html);
  return tags;
}
