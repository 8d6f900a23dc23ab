/**
 * Untrusted text in, safe markup out: YAML read as data only, citation tokens that cannot break
 * out of an attribute, URLs read as browsers read them, and markdown whose parsing cost is bounded.
 */
import { describe, expect, it } from 'vitest';
import { createMarkdownRenderer, sanitizeSchema } from '../../src/pipeline/render/markdown.ts';
import { ImportReport } from '../../src/pipeline/report.ts';
import { parseNote } from '../../src/pipeline/vault/frontmatter.ts';
import { readTags } from '../../src/tools/html.ts';
import { PageReferences } from '../../src/lib/references.ts';
import { renderRichText } from '../../src/lib/rich-text.ts';
import {
  CHUNK_CHARS,
  MAX_BLOCK_NESTING,
  MAX_DELIMITER_RUN,
  parseBounded,
  splitIntoChunks,
} from '../../src/pipeline/render/bounded-parse.ts';
import { normalizeUrl, safeHref, safeSrc, urlKind } from '../../src/pipeline/render/safe-urls.ts';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH, parseYaml, YamlError } from '../../src/pipeline/sources/yaml.ts';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';

const EVIL = 'https://evil.invalid/';

describe('YAML', () => {
  it('reads the core schema: tags that name code or types stay inert strings', () => {
    expect(parseYaml('f: !!js/function "function () { return 1 }"\nb: !!binary aGk=\nd: 2024-01-02\nn: 1.5\nt: true')).toEqual({
      f: 'function () { return 1 }',
      b: 'aGk=',
      d: '2024-01-02',
      n: 1.5,
      t: true,
    });
    expect(parseYaml('x: !!python/object/apply:os.system ["touch /tmp/pwned"]')).toEqual({ x: ['touch /tmp/pwned'] });
  });

  it('refuses an anchor bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [index, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const previous = String.fromCharCode('a'.charCodeAt(0) + index);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(() => parseYaml(levels.join('\n'))).toThrow(/alias/i);
    expect(MAX_YAML_ALIASES).toBe(100);
  });

  it('refuses nesting deeper than the limit, and text larger than the limit', () => {
    expect(() => parseYaml(`x: ${'['.repeat(MAX_YAML_DEPTH + 1)}${']'.repeat(MAX_YAML_DEPTH + 1)}`)).toThrow(YamlError);
    expect(() => parseYaml(`x: ${'['.repeat(20_000)}${']'.repeat(20_000)}`)).toThrow(/nested/);
    expect(() => parseYaml(`x: "${'a'.repeat(1024 * 1024)}"`)).toThrow(/larger than/);
  });

  it('names the line of a syntax error', () => {
    const error = (() => {
      try {
        parseYaml('a: 1\nb: [\nc: 2');
      } catch (thrown) {
        return thrown as YamlError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(YamlError);
    expect(error!.line).toBeGreaterThan(1);
  });
});

describe('note frontmatter', () => {
  const parse = (text: string) => {
    const report = new ImportReport();
    return { note: parseNote({ file: 'n.md', text }, 'vault', report), warnings: report.warnings };
  };

  it.each(['js', 'javascript', 'coffee', 'JS'])('never runs ---%s frontmatter; shows it as text with a warning', (language) => {
    const sentinel = `kb_ran_${language}`;
    const { note, warnings } = parse(`---${language}\n{ title: (globalThis.${sentinel} = true, "x") }\n---\nBody.\n`);
    expect((globalThis as Record<string, unknown>)[sentinel]).toBeUndefined();
    expect(note.data).toEqual({});
    expect(note.body).toContain(`globalThis.${sentinel}`);
    expect(note.body).toMatch(/^```\n/);
    expect(warnings).toEqual([expect.objectContaining({ line: 1, message: expect.stringContaining('only YAML is') })]);
  });

  it('keeps a note with broken YAML, its frontmatter shown as text line for line, with the line in the warning', () => {
    const { note, warnings } = parse('---\ntitle: [unclosed\ntags: x\n---\n# Heading\n');
    expect(note.title).toBe('n');
    expect(note.body.split('\n')).toEqual(['```', 'title: [unclosed', 'tags: x', '```', '# Heading', '']);
    expect(note.bodyLine).toBe(1);
    expect(warnings[0]!.message).toMatch(/^broken YAML frontmatter/);
    expect(warnings[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('uses a fence longer than any in the frontmatter', () => {
    expect(parse('---\ncode: "```"\nbad: [\n---\nx').note.body).toMatch(/^````\n/);
  });

  it('reads a !!js/function value as the plain string it is', () => {
    expect(parse('---\ntitle: !!js/function "function () {}"\n---\n').note.title).toBe('function () {}');
  });
});

describe('citation tokens inside attributes', () => {
  const references = [{ name: 'Ref', url: 'https://example.com/ref' }];
  const allowedTags = new Set(sanitizeSchema.tagNames);
  const attributeNames = (tag: string) =>
    [...(sanitizeSchema.attributes?.[tag] ?? []), ...(sanitizeSchema.attributes?.['*'] ?? [])].map((rule) =>
      Array.isArray(rule) ? String(rule[0]) : String(rule),
    );
  // The HTML attribute name of a hast property name: className → class, accessKey → accesskey.
  const htmlName = (property: string) => (property === 'className' ? 'class' : property === 'htmlFor' ? 'for' : property.toLowerCase());
  const breakout = `&gt;&lt;meta http-equiv=refresh content=0;url=${EVIL}&gt;&lt;script src=/files/x.avif&gt;&lt;/script&gt;`;
  const cases = [...allowedTags].flatMap((tag) =>
    [...new Set(attributeNames(tag))].map((attribute) => ({ tag, attribute: htmlName(attribute) })),
  );
  const markdown = createMarkdownRenderer(() => undefined);
  const page = (parts: ReturnType<typeof markdown.render>) => new PageReferences('/').render(parts, references);

  it('covers every attribute the allowlist keeps', () => {
    expect(cases.length).toBeGreaterThan(150);
  });

  it.each(cases)('<$tag $attribute="(Citation: Ref)…"> keeps the citation out of the attribute', ({ tag, attribute }) => {
    const text = `<${tag} ${attribute}="a (Citation: Ref) ${breakout} b">inner (Citation: Ref)</${tag}>\n\nAfter.(Citation: Ref)`;
    const rendered = markdown.renderDescription(text);
    for (const [html, citations] of [[page(rendered.rich), 2], [page(rendered.summary), 0]] as const) {
      const tags = readTags(html);
      const names = new Set(tags.map((found) => found.name));
      expect(names.has('meta') || names.has('script'), html).toBe(false);
      for (const name of names) expect(allowedTags.has(name) || name === 'sup', `${name} in ${html}`).toBe(true);
      // Only the citations in text became numbered links; the one in the attribute is gone.
      const isCitation = (element: (typeof tags)[number]) => element.name === 'sup' && element.attributes.class === 'cite';
      expect(tags.filter(isCitation)).toHaveLength(citations);
      // The element under test (not a citation's own link, which follows its <sup>).
      const tested = tags.filter((element, index) => element.name === tag && !isCitation(element) && !(tags[index - 1] && isCitation(tags[index - 1]!)));
      for (const found of tested) {
        for (const value of Object.values(found.attributes)) expect(value).not.toMatch(/[\uE000\uE001]|"cite"|#ref-/);
      }
    }
  });

  it('keeps a citation inside a link URL out of the URL', () => {
    const html = page(markdown.render(`<a href="https://example.com/(Citation: Ref)${breakout}">x</a>`));
    expect(readTags(html).map((tag) => tag.name)).toEqual(['p', 'a']);
    expect(readTags(html)[1]!.attributes.href).toMatch(/^https:\/\/example\.com\/><meta/);
  });
});

describe('URLs as browsers read them', () => {
  it.each([
    ['/\\evil.invalid/x', 'unsafe'],
    ['/\t/evil.invalid/x', 'unsafe'],
    ['/\n/evil.invalid/x', 'unsafe'],
    [' \u0001//evil.invalid', 'unsafe'],
    ['\\\\evil.invalid\\x', 'unsafe'],
    ['java\tscript:alert(1)', 'unsafe'],
    ['javascript\n:alert(1)', 'unsafe'],
    ['data:text/html,x', 'unsafe'],
    ['https:\\\\evil.invalid', 'web'],
    ['HTTPS://example.com/a', 'web'],
    ['/techniques/T1059/', 'site'],
    ['#ref-1', 'fragment'],
    ['notes/a.md', 'relative'],
    ['?q=1', 'relative'],
  ] as const)('%j is %s', (url, kind) => {
    expect(urlKind(url)).toBe(kind);
  });

  it('keeps web links and site paths in href, only site paths in src', () => {
    expect(safeHref('https://example.com/')).toBe('https://example.com/');
    expect(safeHref('//evil.invalid/')).toBeUndefined();
    expect(safeSrc('https://example.com/x.png')).toBeUndefined();
    expect(safeSrc('/\\evil.invalid/x.png')).toBeUndefined();
    expect(safeSrc('/files/a.png')).toBe('/files/a.png');
    expect(normalizeUrl('  /a\tb\\c  ')).toBe('/ab/c');
  });

  it('drops the gaps from raw HTML in ATT&CK texts', () => {
    const markdown = createMarkdownRenderer(() => undefined);
    const html = renderRichText(markdown.render('<a href="/\\evil.invalid/x">a</a> <a href="/&#9;/evil.invalid">b</a> <a href="/techniques/T1059/">c</a>'), '/');
    expect(html).toBe('<p><a>a</a> <a>b</a> <a href="/techniques/T1059/">c</a></p>');
  });
});

describe('markdown with bounded parsing cost', () => {
  const parser = unified().use(remarkParse).use(remarkGfm);
  const parse = (text: string) => parser.parse(text) as Root;
  const bounded = (text: string) => parseBounded(text, parse, { maxChars: 1024 * 1024 });

  it.each([
    ['lists', Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')],
    ['quotes', `${'>'.repeat(5000)} x`],
    ['emphasis', `${'*'.repeat(20_000)}x${'*'.repeat(20_000)}`],
    ['HTML', `${'<b>'.repeat(5000)}x${'</b>'.repeat(5000)}`],
  ])('keeps %s nested far too deep as plain text, with the line', (_, text) => {
    const { tree, problems } = bounded(text);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem.message).toMatch(/shown as plain text$/);
    expect(tree.children.some((node) => node.type === 'paragraph')).toBe(true);
  });

  it('parses nesting within the limits as markdown', () => {
    const list = Array.from({ length: MAX_BLOCK_NESTING / 2 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n');
    expect(bounded(list).problems).toEqual([]);
    expect(bounded(`${'*'.repeat(MAX_DELIMITER_RUN / 2)}x`).problems).toEqual([]);
  });

  it('keeps text over its size limit as plain text without parsing it', () => {
    const { tree, problems } = parseBounded('# x\n'.repeat(100), parse, { maxChars: 100 });
    expect(problems[0]!.message).toMatch(/over the 100 rendered as markdown/);
    expect(tree.children).toHaveLength(1);
  });

  it('cuts long texts between top-level blocks, never inside fenced code', () => {
    const block = 'word '.repeat(200);
    const code = ['```', ...Array(50).fill('x = 1'), '', ...Array(50).fill('y = 2'), '```'].join('\n');
    const text = Array.from({ length: 40 }, (_, i) => (i === 20 ? code : `${block}${i}`)).join('\n\n');
    const chunks = splitIntoChunks(text);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(2 * CHUNK_CHARS + 1100);
      const fences = chunk.text.split('\n').filter((line) => line === '```').length;
      expect(fences % 2).toBe(0);
    }
    expect(chunks.map((chunk) => chunk.text).join('\n')).toBe(text);
  });

  it('keeps line numbers and link definitions across chunks', () => {
    const filler = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} ${'word '.repeat(60)}`).join('\n\n');
    const text = `See [the ref][r] and a note.[^n]\n\n${filler}\n\nEnd [again][r].\n\n[r]: https://example.com/r\n\n[^n]: The note.`;
    const { tree } = bounded(text);
    const links: { line: number; url: string }[] = [];
    const walk = (node: { type: string; children?: unknown[]; position?: { start: { line: number } }; identifier?: string }) => {
      if (node.type === 'linkReference' || node.type === 'footnoteReference') links.push({ line: node.position!.start.line, url: node.identifier! });
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(tree as never);
    const lastLine = text.split('\n').findIndex((line) => line.startsWith('End')) + 1;
    expect(links).toEqual([
      { line: 1, url: 'r' },
      { line: 1, url: 'n' },
      { line: lastLine, url: 'r' },
    ]);
    expect(tree.children.filter((node) => node.type === 'definition')).toHaveLength(1);
    expect(tree.children.filter((node) => node.type === 'footnoteDefinition')).toHaveLength(1);
  });
});
