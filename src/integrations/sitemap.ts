/**
 * Writes sitemap.xml after the build: every page except those marked noindex (the redirects of
 * revoked objects). URLs are absolute when the site's address is configured (`--site`), as search
 * engines want; otherwise they are root-relative, which still serves link checkers and crawlers
 * given the host.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { AstroConfig, AstroIntegration } from 'astro';

const NOINDEX = /<meta name="robots" content="noindex"/;

export function sitemap(): AstroIntegration {
  let config: AstroConfig;
  return {
    name: 'attack-kb-sitemap',
    hooks: {
      'astro:config:done': ({ config: done }) => {
        config = done;
      },
      'astro:build:done': async ({ dir, pages }) => {
        const indexed = [];
        for (const { pathname } of pages) {
          const html = await readFile(new URL(`${pathname}index.html`, dir), 'utf8').catch(() => '');
          if (html && !NOINDEX.test(html)) indexed.push(pathname);
        }
        indexed.sort();
        await writeFile(new URL('sitemap.xml', dir), sitemapXml(indexed, config));
      },
    },
  };
}

function sitemapXml(pathnames: string[], config: AstroConfig): string {
  const base = config.base.endsWith('/') ? config.base : `${config.base}/`;
  const location = (pathname: string) => {
    const path = `${base}${pathname}`;
    return config.site ? new URL(path, config.site).href : path;
  };
  const urls = pathnames.map((pathname) => `  <url><loc>${escapeXml(location(pathname))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
