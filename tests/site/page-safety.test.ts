/**
 * Every page of the full build carries the Content-Security-Policy before anything it governs,
 * and holds nothing the policy would refuse or that could run script (see html-safety.ts).
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Tag } from '../../src/tools/html.ts';
import { readDomTags } from '../helpers/dom-tags.ts';
import { unsafeMarkup } from '../helpers/html-safety.ts';
import { readBuiltPages } from '../helpers/site-files.ts';

const base = inject('siteBase');
let pages: { file: string; tags: Tag[] }[];

// Every page, the older releases' too: some fifteen thousand, parsed as browsers parse them.
beforeAll(async () => {
  pages = (await readBuiltPages(inject('siteDir'))).map(({ file, html }) => ({ file, tags: readDomTags(html) }));
}, 300_000);

/** `default-src 'self'; script-src 'self' 'sha256-…'` → { 'default-src': ["'self'"], … } */
function parsePolicy(policy: string): Record<string, string[]> {
  const directives = policy.split(';').map((directive) => directive.trim().split(/\s+/)).filter(([name]) => name);
  return Object.fromEntries(directives.map(([name, ...sources]) => [name!, sources]));
}

/** The policy of the page, and how many scripts and stylesheets come before it. */
function policyOf(tags: Tag[]): { policies: string[]; governedBefore: number } {
  const policies: string[] = [];
  let governedBefore = 0;
  for (const tag of tags) {
    if (tag.name === 'meta' && tag.attributes['http-equiv']?.toLowerCase() === 'content-security-policy') {
      policies.push(tag.attributes.content ?? '');
    } else if (policies.length === 0 && (tag.name === 'script' || tag.name === 'style' || tag.attributes.rel === 'stylesheet')) {
      governedBefore++;
    }
  }
  return { policies, governedBefore };
}

describe('every page of the full build', () => {
  it('has one Content-Security-Policy, ahead of its scripts and stylesheets', () => {
    for (const page of pages) {
      const { policies, governedBefore } = policyOf(page.tags);
      expect(policies, page.file).toHaveLength(1);
      expect(governedBefore, page.file).toBe(0);
    }
  });

  it('allows scripts and styles only from the site, nothing inline and nothing else from anywhere', () => {
    const policies = new Set(pages.map((page) => policyOf(page.tags).policies[0]!));
    expect(policies.size).toBe(1);
    const directives = parsePolicy([...policies][0]!);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    // Search compiles Pagefind's WebAssembly: 'wasm-unsafe-eval' allows that and nothing else.
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
  });

  it('holds no event handler, script URL, inline script or style, or outside resource', () => {
    const findings = pages.flatMap((page) => unsafeMarkup(page.tags, base).map((finding) => `${page.file}: ${finding}`));
    expect(findings).toEqual([]);
  });
});
