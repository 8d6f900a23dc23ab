/** The safety checks read pages as Chromium does: markup a lenient parser misreads is seen as the browser sees it. */
import { describe, expect, it } from 'vitest';
import { readTags } from '../../src/tools/html.ts';
import { readDomTags } from '../helpers/dom-tags.ts';
import { unsafeMarkup } from '../helpers/html-safety.ts';

const findings = (html: string) => unsafeMarkup(readDomTags(html), '/');

describe('readDomTags', () => {
  it('sees the image that breaks out of an SVG <style>, which a browser parses as markup', () => {
    const html = '<svg><style><img src=x onerror=alert(1)></style></svg>';
    expect(findings(html)).toContain('<img>: event handler onerror="alert(1)"');
  });

  it('reads <noscript> as a browser running scripts does: its content is text, not elements', () => {
    const html = '<noscript><p title="</noscript><img src=x onerror=alert(1)>">';
    expect(findings(html)).toContain('<img>: event handler onerror="alert(1)"');
    expect(readDomTags(html).map((tag) => tag.name)).not.toContain('p');
  });

  it('looks inside <template> contents and gives scripts their text', () => {
    const tags = readDomTags('<template><script>alert(1)</script></template>');
    expect(tags.find((tag) => tag.name === 'script')).toEqual({ name: 'script', attributes: {}, text: 'alert(1)' });
  });

  it('finds the same elements as the streaming reader on plain markup', () => {
    const html = '<!doctype html><html><head><title>t</title></head><body><p class="a">x<a href="/y">y</a></p></body></html>';
    expect(readDomTags(html)).toEqual(readTags(html));
  });
});
