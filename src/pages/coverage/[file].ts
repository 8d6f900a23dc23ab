/** Each domain's coverage as CSV (`/coverage/enterprise-coverage.csv`) and as a Navigator layer (`/coverage/enterprise-coverage-layer.json`). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { coverageLayer } from '../../exports/coverage-layer.ts';
import { CSV_HEADERS, toCsv } from '../../exports/csv.ts';
import { coverageCsvRows } from '../../lib/pages/coverage.ts';
import { paths, routeParam } from '../../lib/paths.ts';
import { loadDetections, loadGraph, loadVault } from '../../lib/site-data.ts';
import { siteAddress } from '../../lib/site.ts';
import type { Domain } from '../../model/attack.ts';

interface Props {
  domain: Domain;
  format: 'csv' | 'layer';
}

export const getStaticPaths = (async () =>
  (await loadGraph()).loadedDomains().flatMap((domain) =>
    (['csv', 'layer'] as const).map((format) => ({
      params: { file: routeParam(format === 'csv' ? paths.coverageCsv(domain) : paths.coverageLayer(domain), paths.coverage()) },
      props: { domain, format },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = async ({ props: { domain, format } }) => {
  const data = { graph: await loadGraph(), vault: await loadVault(), detections: await loadDetections() };
  if (format === 'csv') return new Response(toCsv(coverageCsvRows(data, domain, siteAddress)), { headers: CSV_HEADERS });
  return new Response(`${JSON.stringify(coverageLayer(data, domain), null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
