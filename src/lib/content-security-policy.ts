/**
 * The Content-Security-Policy of every page. Astro writes it into a <meta http-equiv> in each
 * page's head, with the hashes of whatever it inlines itself (small stylesheets, scripts).
 * Scripts, styles, images, fonts and fetches come only from the site; no plugins, no <base>, forms
 * only to the site. So text from the data can never run script or load anything from elsewhere,
 * even if it got past the sanitizer, and an inline style or script Astro did not emit is refused.
 *
 * Search needs one more: Pagefind compiles its WebAssembly index reader, which `'wasm-unsafe-eval'`
 * allows (it runs no JavaScript from strings). It searches in the page, not in a worker, so no
 * `worker-src` is needed.
 */
import type { AstroUserConfig } from 'astro';

type CspConfig = Exclude<NonNullable<AstroUserConfig['security']>['csp'], boolean | undefined>;

export const contentSecurityPolicy = {
  directives: ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"],
  scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
  styleDirective: { resources: ["'self'"] },
} satisfies CspConfig;
