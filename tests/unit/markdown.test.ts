import { describe, expect, it } from 'vitest';
import { renderRichText } from '../../src/lib/rich-text.ts';
import { createMarkdownRenderer } from '../../src/pipeline/render/markdown.ts';
import { safeUrl } from '../../src/pipeline/stages/fields.ts';

const SITE_PATHS: Record<string, string> = {
  'https://attack.mitre.org/techniques/T1059/001': '/techniques/T1059/001/',
};
const markdown = createMarkdownRenderer((href) => SITE_PATHS[href]);
const html = (text: string) => renderRichText(markdown.render(text), '/', () => '');

describe('citations', () => {
  it('cuts the HTML at each citation, names with parentheses included', () => {
    expect(markdown.render('Seen in 2017.(Citation: CISA Alert (TA17-163A))(Citation: ttint_rat) Later.')).toEqual([
      '<p>Seen in 2017.',
      { cite: 'CISA Alert (TA17-163A)' },
      { cite: 'ttint_rat' },
      ' Later.</p>',
    ]);
  });

  it('keeps markdown from mangling citation names', () => {
    expect(markdown.render('x (Citation: a_b_c) y (Citation: *star*)')).toEqual([
      '<p>x ',
      { cite: 'a_b_c' },
      ' y ',
      { cite: '*star*' },
      '</p>',
    ]);
  });

  it('does not let a citation inside a URL break the attribute', () => {
    expect(markdown.render('[x](https://example.com/(Citation: y))')).toEqual([
      '<p><a href="https://example.com/">x</a></p>',
    ]);
  });

  it('ignores stray citation markers in the input', () => {
    expect(markdown.render('a\uE0000\uE001b')).toEqual(['<p>a0b</p>']);
  });

  it('gives a summary and excerpt of the first paragraph, and the plain text, without citations', () => {
    const rendered = markdown.renderDescription('First [one](https://attack.mitre.org/techniques/T1059/001).(Citation: A)\n\nSecond  <code>x</code>.');
    expect(renderRichText(rendered.summary, '/')).toBe('<p>First <a href="/techniques/T1059/001/">one</a>.</p>');
    expect(rendered.excerpt).toBe('First one.');
    expect(rendered.text).toBe('First one.\nSecond x.');
  });

  it('shortens long excerpts at a word boundary', () => {
    const { excerpt } = markdown.renderDescription('word '.repeat(100));
    expect(excerpt.length).toBeLessThanOrEqual(241);
    expect(excerpt).toMatch(/word…$/);
  });

  it('renders short texts inline, without a paragraph', () => {
    expect(markdown.renderInline('(Citation: Source)')).toEqual([{ cite: 'Source' }]);
  });
});

describe('links', () => {
  it('points links to attack.mitre.org at this site when the resolver knows them', () => {
    expect(html('[PowerShell](https://attack.mitre.org/techniques/T1059/001)')).toBe(
      '<p><a href="/techniques/T1059/001/">PowerShell</a></p>',
    );
  });

  it('leaves other links alone', () => {
    expect(html('[Other](https://attack.mitre.org/techniques/T9999)')).toBe(
      '<p><a href="https://attack.mitre.org/techniques/T9999">Other</a></p>',
    );
  });
});

describe('sanitizing', () => {
  it('keeps <code>, <b> and <br> from ATT&CK texts', () => {
    expect(html('Run <code>net user</code> as <b>admin</b><br>now')).toBe(
      '<p>Run <code>net user</code> as <b>admin</b><br>now</p>',
    );
  });

  it('shows placeholder pseudo-tags as text', () => {
    expect(html('<code>net user <username> /domain</code> and <pid>')).toBe(
      '<p><code>net user &#x3C;username> /domain</code> and &#x3C;pid></p>',
    );
  });

  it.each([
    ['<script>alert(1)</script>', '&#x3C;script>alert(1)&#x3C;/script>'],
    ['Text <script>alert(1)</script>', '<p>Text &#x3C;script>alert(1)&#x3C;/script></p>'],
    ['<img src=x onerror=alert(1)>', '&#x3C;img src=x onerror=alert(1)>'],
    ['<b onclick="alert(1)">bold</b>', '<p><b>bold</b></p>'],
    ['<a href="javascript:alert(1)">x</a>', '<p><a>x</a></p>'],
    ['[x](javascript:alert(1))', '<p><a>x</a></p>'],
    ['<iframe src="https://evil.example"></iframe>', '&#x3C;iframe src="https://evil.example">&#x3C;/iframe>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<p><a>x</a></p>'],
    ['<svg onload=alert(1)>', '&#x3C;svg onload=alert(1)>'],
    ['<details open ontoggle=alert(1)>x</details>', '<details open>x</details>'],
  ])('makes %s harmless', (input, output) => {
    expect(html(input)).toBe(output);
  });

  it('keeps only web URLs in references', () => {
    expect(safeUrl('https://example.com/a')).toBe('https://example.com/a');
    expect(safeUrl(' http://example.com ')).toBe('http://example.com');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
    expect(safeUrl('')).toBeUndefined();
  });
});
