/**
 * `npm run screenshot -- <page path> [more paths] [--dark] [--mobile] [--full] [--dist dist] [--base /]`:
 * PNGs of built pages in Chromium (the first screen, or the whole page with --full), written to
 * `screenshots/`, to look at what was built.
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../src/tools/browser.ts';
import { serveStatic } from '../src/tools/static-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dark: { type: 'boolean' },
    mobile: { type: 'boolean' },
    full: { type: 'boolean' },
    dist: { type: 'string', default: 'dist' },
    base: { type: 'string', default: '/' },
    out: { type: 'string', default: 'screenshots' },
  },
});

const server = await serveStatic(values.dist, values.base);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({
    viewport: values.mobile ? { width: 390, height: 844 } : { width: 1366, height: 900 },
    colorScheme: values.dark ? 'dark' : 'light',
  });
  await mkdir(values.out, { recursive: true });
  for (const path of positionals.length > 0 ? positionals : ['']) {
    // Network idle, so that pages that load data in the browser (search) are shown with it.
    await page.goto(new URL(path.replace(/^\//, ''), server.url).href, { waitUntil: 'networkidle' });
    const name = (path.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '') || 'home') + (values.dark ? '-dark' : '') + (values.mobile ? '-mobile' : '');
    const file = `${values.out}/${name}.png`;
    await page.screenshot({ path: file, fullPage: values.full ?? false });
    console.log(file);
  }
} finally {
  await browser.close();
  await server.close();
}
