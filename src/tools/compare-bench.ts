/**
 * Measures the compare pages in Chromium on a cold cache: the time from the page's script start
 * to its first answer (the data file fetched, parsed and the result drawn), and the bytes the
 * server sent for the page and its data.
 */
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

export interface CompareMeasure {
  name: string;
  milliseconds: number;
  bytes: number;
}

const CASES = [
  { name: 'compare 5 groups', path: 'compare/?ids=G0016,G0007,G0032,G0096,G0034' },
  {
    name: 'groups using 20 techniques',
    path: 'compare/groups/?techniques=T1059.001,T1105,T1566.001,T1003.001,T1547.001,T1053.005,T1071.001,T1027,T1082,T1083,T1057,T1016,T1021.001,T1078,T1090,T1110,T1140,T1204.002,T1218.011,T1486',
  },
];

export async function measureCompare(siteDir: string, base: string): Promise<CompareMeasure[]> {
  let bytesSent = 0;
  const server = await serveStatic(siteDir, base, { onSend: (_, bytes) => (bytesSent += bytes) });
  const browser = await launchBrowser();
  try {
    const measures: CompareMeasure[] = [];
    for (const { name, path } of CASES) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const before = bytesSent;
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector('#compare[data-ready="true"]');
      const milliseconds = await page.evaluate(() => performance.getEntriesByName('compare-answer')[0]?.duration ?? Number.NaN);
      await page.waitForLoadState('networkidle');
      measures.push({ name, milliseconds, bytes: bytesSent - before });
      await context.close();
    }
    return measures;
  } finally {
    await browser.close();
    await server.close();
  }
}
