/**
 * The Content-Security-Policy of every page. Astro writes it into a <meta http-equiv> in each
 * page's head, with the hashes of whatever it inlines itself (small stylesheets, scripts).
 * Scripts, styles, images, fonts and fetches come only from the site; no plugins, no <base>, forms
 * only to the site. So text from the data can never run script or load anything from elsewhere,
 * even if it got past the sanitizer, and an inline style or script Astro did not emit is refused.
 *
 * Search with Pagefind will need two more sources (see its hosting notes): `'wasm-unsafe-eval'` in
 * `scriptDirective.resources`, as it compiles its WebAssembly index reader, and a directive
 * `"worker-src 'self' blob:"`, as it searches in a Web Worker made from a blob URL.
 */
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;

export const contentSecurityPolicy = {
  directives: ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"],
  scriptDirective: { resources: ["'self'"] },
  styleDirective: { resources: ["'self'"] },
} satisfies CspConfig;
