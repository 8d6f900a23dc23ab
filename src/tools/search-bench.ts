/**
 * Measures search in Chromium on the built site. Speed: queries typed into the header box key by
 * key, each on a cold cache, timed from the last keystroke to the first result shown, with the
 * bytes the server sent for it (everything the page requested from focusing the box until the
 * network was idle again). Quality: the whole query table (search-queries.ts), scored by the share
 * of queries whose first result is the expected one.
 */
import { launchBrowser } from './browser.ts';
import { answerQueries, scoreAnswers, type QualityReport } from './search-quality.ts';
import { serveStatic } from './static-server.ts';

/** Timed on a cold cache: ids, names, typos, abbreviations, old names and several words. */
const TIMED_QUERIES = [
  'T1059.001',
  't1059/001',
  'TA0002',
  'G0016',
  'AN0001',
  'Cozy Bear',
  'Mimikatz',
  'powershell',
  'kerberoasting',
  'lateral movement',
  'lsass memory',
  'spearphishing attachment',
  'ransomware',
  'SolarWinds',
  'scheduled task',
  'mimkatz',
  'credential dumping',
  'uac bypass',
  'webshell',
  'dll sideloading',
  'Bash History',
  'APT29 PowerShell',
  'cobalt strike beacon',
  'ransomware encryption',
  'living off the land binaries',
];

/** Milliseconds between keystrokes: a fast typist. */
const KEY_INTERVAL = 60;
/** A query that shows nothing this long after its last keystroke counts as showing nothing. */
const GIVE_UP_AFTER = 10_000;

export interface QueryMeasure {
  query: string;
  /** NaN when no result was shown. */
  milliseconds: number;
  bytes: number;
}

export async function measureSearch(siteDir: string, base: string): Promise<{ speed: QueryMeasure[]; quality: QualityReport }> {
  let bytesSent = 0;
  const server = await serveStatic(siteDir, base, { onSend: (_, bytes) => (bytesSent += bytes) });
  const browser = await launchBrowser();
  try {
    const speed: QueryMeasure[] = [];
    for (const query of TIMED_QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'networkidle' });
      const before = bytesSent;
      const milliseconds = await page.evaluate(typeAndWaitForResult, { query, interval: KEY_INTERVAL, giveUpAfter: GIVE_UP_AFTER });
      await untilUnchanged(() => bytesSent);
      speed.push({ query, milliseconds, bytes: bytesSent - before });
      await context.close();
    }
    const context = await browser.newContext();
    const quality = scoreAnswers(await answerQueries(await context.newPage(), server.url));
    await context.close();
    return { speed, quality };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Waits until the value has not changed for half a second. */
async function untilUnchanged(value: () => number): Promise<void> {
  let last;
  do {
    last = value();
    await new Promise((resolve) => setTimeout(resolve, 500));
  } while (value() !== last);
}

/**
 * Runs in the page: focuses the header box and types the query into it key by key; resolves with
 * the time from the last keystroke to the first result shown after it (an answer to an earlier
 * keystroke is never shown once a later one was typed), or NaN when nothing shows.
 */
function typeAndWaitForResult({ query, interval, giveUpAfter }: { query: string; interval: number; giveUpAfter: number }): Promise<number> {
  const input = document.querySelector<HTMLInputElement>('#header-search-input')!;
  const list = document.getElementById('header-search-results')!;
  return new Promise((resolve) => {
    let lastKey = Number.POSITIVE_INFINITY;
    new MutationObserver((_, observer) => {
      const now = performance.now();
      if (now >= lastKey && list.querySelector('.search-hit')) {
        observer.disconnect();
        resolve(now - lastKey);
      }
    }).observe(list, { childList: true });
    input.focus();
    const type = (typed: number) => {
      input.value = query.slice(0, typed);
      if (typed === query.length) {
        lastKey = performance.now();
        setTimeout(() => resolve(Number.NaN), giveUpAfter);
      }
      input.dispatchEvent(new Event('input', { bubbles: true }));
      if (typed < query.length) setTimeout(() => type(typed + 1), interval);
    };
    type(1);
  });
}
