/**
 * SVG images from a vault, made safe to publish. DOMPurify (its SVG profile, in jsdom) removes
 * script, event handlers and `<foreignObject>`; hooks here also remove everything that would
 * fetch from elsewhere or change itself once loaded: links and references other than to a
 * `#fragment` of the file itself (`href`, `xlink:href`, `url(...)` in attributes and styles,
 * `@import`), and animations (`<animate>`, `<set>`...), which could set such a reference later.
 * Raster images embedded as `data:` URLs stay. The result is a standalone SVG document.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { JSDOM } from 'jsdom';

/** A reference that stays inside the file, or an embedded raster image. */
const LOCAL_REFERENCE = /^\s*(#|data:image\/(png|gif|jpeg|webp);base64,)/i;
/** `url(...)` naming anything but a fragment of the file, and `@import`. */
const OUTSIDE_REFERENCE = /url\s*\(\s*(?!['"]?\s*(#|data:image\/(png|gif|jpeg|webp);base64,))|@import|expression\s*\(/i;

const CONFIG = {
  USE_PROFILES: { svg: true, svgFilters: true },
  FORBID_TAGS: ['foreignObject', 'script', 'animate', 'animateMotion', 'animateTransform', 'animateColor', 'set', 'discard'],
  RETURN_DOM: true,
} satisfies Config;

let purifier: { purify: Purifier; window: JSDOM['window'] } | undefined;

/** One DOMPurify for the whole import (a jsdom window is costly to make). */
function svgPurifier() {
  if (purifier) return purifier;
  const { window } = new JSDOM('');
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase();
    const isReference = name === 'href' || name === 'xlink:href' || name === 'src';
    if ((isReference && !LOCAL_REFERENCE.test(data.attrValue)) || OUTSIDE_REFERENCE.test(data.attrValue)) data.keepAttr = false;
  });
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && OUTSIDE_REFERENCE.test(node.textContent ?? '')) node.parentNode?.removeChild(node);
  });
  purifier = { purify, window };
  return purifier;
}

/** The SVG document made safe, or undefined when the text holds no SVG image. */
export function sanitizeSvg(text: string): string | undefined {
  const { purify, window } = svgPurifier();
  const body = purify.sanitize(text, CONFIG);
  const svg = body.querySelector('svg');
  if (!svg) return undefined;
  return `${new window.XMLSerializer().serializeToString(svg)}\n`;
}
