import { describe, expect, it } from 'vitest';
import { PageReferences, referenceAnchor } from '../../src/lib/references.ts';
import { href, paths, type SitePath } from '../../src/lib/paths.ts';
import { renderRichText } from '../../src/lib/rich-text.ts';

const alpha = { name: 'Alpha (2020)', description: 'Alpha report.', url: 'https://example.com/alpha' };
const beta = { name: 'Beta', description: 'Beta report.' };

describe('page references', () => {
  it('numbers citations in order of first appearance across the texts of a page', () => {
    const references = new PageReferences('/');
    const description = references.render(['<p>One', { cite: 'Beta' }, ' two', { cite: 'Alpha (2020)' }, '</p>'], [alpha, beta]);
    const row = references.render(['Row', { cite: 'Alpha (2020)' }, { cite: 'Gamma' }], [alpha, { name: 'Gamma' }]);

    const [betaId, alphaId, gammaId] = ['Beta', 'Alpha (2020)', 'Gamma'].map(referenceAnchor);
    expect(description).toBe(
      `<p>One<sup class="cite" id="${betaId}-cite-1"><a href="#${betaId}" aria-label="Reference 1">[1]</a></sup> two` +
        `<sup class="cite" id="${alphaId}-cite-1"><a href="#${alphaId}" aria-label="Reference 2">[2]</a></sup></p>`,
    );
    expect(row).toBe(
      `Row<sup class="cite" id="${alphaId}-cite-2"><a href="#${alphaId}" aria-label="Reference 2">[2]</a></sup>` +
        `<sup class="cite" id="${gammaId}-cite-1"><a href="#${gammaId}" aria-label="Reference 3">[3]</a></sup>`,
    );
    // Each reference knows where it is cited, for the list's links back.
    expect(references.list).toEqual([
      { ...beta, number: 1, anchor: betaId, citedAt: [`${betaId}-cite-1`] },
      { ...alpha, number: 2, anchor: alphaId, citedAt: [`${alphaId}-cite-1`, `${alphaId}-cite-2`] },
      { name: 'Gamma', number: 3, anchor: gammaId, citedAt: [`${gammaId}-cite-1`] },
    ]);
  });

  it('anchors each reference by its source, whatever else the page cites before it', () => {
    const alone = new PageReferences('/');
    alone.render(['One', { cite: 'Alpha (2020)' }], [alpha]);
    const after = new PageReferences('/');
    after.render(['New', { cite: 'Beta' }, ' one', { cite: 'Alpha (2020)' }], [alpha, beta]);
    const [first] = alone.list;
    const moved = after.list.find((reference) => reference.name === 'Alpha (2020)');
    expect(moved?.number).not.toBe(first?.number);
    expect(moved?.anchor).toBe(first?.anchor);
    expect(first?.anchor).toMatch(/^ref-[0-9a-f]{8}$/);
  });

  it('shows a citation without a matching reference as plain text', () => {
    const references = new PageReferences('/');
    expect(references.render(['See', { cite: 'Missing <b>' }], [alpha])).toBe('See(Citation: Missing &lt;b&gt;)');
    expect(references.list).toEqual([]);
  });

  it('puts the base path in front of links to this site', () => {
    const references = new PageReferences('/wiki/');
    const technique = { href: '/techniques/T1059/' as SitePath };
    expect(references.render(['<a href="', technique, '">x</a> <a href="https://example.com/">y</a>'], [])).toBe(
      '<a href="/wiki/techniques/T1059/">x</a> <a href="https://example.com/">y</a>',
    );
  });
});

describe('urls', () => {
  it('joins base paths and paths with one slash', () => {
    expect(href('/', paths.list('technique'))).toBe('/techniques/');
    expect(href('/wiki/', paths.list('technique'))).toBe('/wiki/techniques/');
    expect(href('/wiki', paths.list('technique'))).toBe('/wiki/techniques/');
    const x = { href: '/x/' as SitePath };
    expect(renderRichText(['<a href="', x, '">'], '/')).toBe('<a href="/x/">');
    expect(renderRichText(['<img src="', { src: '/files/a.png' as SitePath }, '"> <a href="', x, '">x</a> <a href="//other.example/">o</a>'], '/wiki/')).toBe(
      '<img src="/wiki/files/a.png"> <a href="/wiki/x/">x</a> <a href="//other.example/">o</a>',
    );
  });
});
