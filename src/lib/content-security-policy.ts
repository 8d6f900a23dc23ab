/**
 * The Content-Security-Policy of every page, written by Layout.astro into a <meta http-equiv> as
 * the first element of each page's head. Pages hold no inline script or style at all (Astro is
 * told to inline nothing), so the policy is one fixed text, with no hashes: scripts, styles,
 * images, fonts and fetches come only from the site; no plugins, no <base>, forms only to the
 * site. Text from the data can never run script or load anything from elsewhere, even if it got
 * past the sanitizer.
 *
 * Search needs one more: Pagefind compiles its WebAssembly index reader, which `'wasm-unsafe-eval'`
 * allows (it runs no JavaScript from strings). It searches in the page, not in a worker, so no
 * `worker-src` is needed.
 *
 * A web server should send the same policy as a header, with `frame-ancestors 'none'` added (a
 * meta policy cannot carry that directive), and the other headers of SECURITY_HEADERS.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/** The policy as a page's <meta http-equiv="content-security-policy"> carries it. */
export const META_POLICY = DIRECTIVES.join('; ');

/** The policy as a server sends it in the Content-Security-Policy header. */
export const HEADER_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The headers a host should send with every file of the site (`npm run preview` does). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': HEADER_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The policy of a vault file (`/files/...`) opened on its own, an SVG image say: nothing in it may
 * run or load anything but its own styles and embedded images, and `sandbox` gives it an origin of
 * its own. SVG images are sanitized when imported (src/pipeline/render/svg.ts); this holds even if
 * something got past.
 */
export const FILE_HEADER_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'";

/** The headers a host should send with the vault's files. */
export const FILE_SECURITY_HEADERS: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Security-Policy': FILE_HEADER_POLICY };
