/**
 * The elements of a page as a browser builds its DOM, read with parse5 (the WHATWG parsing
 * algorithm, with scripting on, as in a browser that runs the site's scripts): markup that a
 * lenient parser would read one way and a browser another (foreign content, `<noscript>`,
 * `<template>`, misnested tables) is seen here as Chromium sees it. Slower than the streaming
 * reader of src/tools/html.ts; for safety checks, where the browser's reading is what counts.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Tag } from '../../src/tools/html.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every element of the page in document order, template contents included. */
export function readDomTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const pending: Node[] = [parse(html, { scriptingEnabled: true })];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if ('tagName' in node) tags.push(tagOf(node));
    const children: Node[] = 'childNodes' in node ? [...node.childNodes] : [];
    if ('content' in node && node.content) children.push(node.content as Node);
    pending.push(...children.reverse());
  }
  return tags;
}

function tagOf(element: Element): Tag {
  const attributes = Object.fromEntries(element.attrs.map(({ name, value }) => [name, value]));
  const name = element.tagName.toLowerCase();
  if (name !== 'script' && name !== 'style') return { name, attributes };
  const text = element.childNodes.map((child) => ('value' in child ? child.value : '')).join('');
  return { name, attributes, text };
}
