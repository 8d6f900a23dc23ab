/**
 * Measures the header search box in Chromium, each query on a cold cache: the time from typing the
 * query to the first result shown, and the bytes the server sent for it (everything the page
 * requested from focusing the box until the network was idle again).
 */
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

const QUERIES = [
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
];

export interface QueryMeasure {
  query: string;
  milliseconds: number;
  bytes: number;
}

export async function measureSearch(siteDir: string, base: string): Promise<QueryMeasure[]> {
  let bytesSent = 0;
  const server = await serveStatic(siteDir, base, { onSend: (_, bytes) => (bytesSent += bytes) });
  const browser = await launchBrowser();
  try {
    const measures: QueryMeasure[] = [];
    for (const query of QUERIES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'networkidle' });
      const before = bytesSent;
      const milliseconds = await page.evaluate(typeAndWaitForResult, query);
      await untilUnchanged(() => bytesSent);
      measures.push({ query, milliseconds, bytes: bytesSent - before });
      await context.close();
    }
    return measures;
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

/** Runs in the page: types the whole query into the header box and times the first result. */
function typeAndWaitForResult(query: string): Promise<number> {
  const input = document.querySelector<HTMLInputElement>('#header-search-input')!;
  const list = document.getElementById('header-search-results')!;
  return new Promise((resolve) => {
    let started = 0;
    new MutationObserver((_, observer) => {
      if (list.querySelector('.search-hit')) {
        observer.disconnect();
        resolve(performance.now() - started);
      }
    }).observe(list, { childList: true });
    input.focus();
    started = performance.now();
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
