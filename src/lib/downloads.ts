/**
 * The files of `/downloads/`: for each loaded domain, its spreadsheet (XLSX) and a CSV per sheet
 * (src/exports/attack-spreadsheets.ts), and its coverage as CSV and Navigator layer. Each domain's
 * files are made once per build and shared by the downloads page (which lists their sizes) and the
 * endpoint that writes them.
 */
import { attackSheets, spreadsheetBytes, type Sheet } from '../exports/attack-spreadsheets.ts';
import { toCsv } from '../exports/csv.ts';
import { DOMAIN_SLUGS, type Domain } from '../model/domains.ts';
import { paths, type SitePath } from './paths.ts';
import { loadGraph, loadStix } from './site-data.ts';

export interface DownloadFile {
  path: SitePath;
  /** What it is: "Spreadsheet (XLSX)", "techniques (CSV)". */
  label: string;
  contentType: string;
  bytes: Buffer;
}

export interface DomainDownloads {
  domain: Domain;
  release: string;
  files: DownloadFile[];
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const made = new Map<Domain, Promise<DomainDownloads>>();

/** Every loaded domain's files, in domain order. */
export async function allDownloads(): Promise<DomainDownloads[]> {
  return Promise.all((await loadGraph()).loadedDomains().map(domainDownloads));
}

export function domainDownloads(domain: Domain): Promise<DomainDownloads> {
  let downloads = made.get(domain);
  if (!downloads) {
    downloads = makeDownloads(domain);
    made.set(domain, downloads);
  }
  return downloads;
}

async function makeDownloads(domain: Domain): Promise<DomainDownloads> {
  const stix = await loadStix(domain);
  const sheets = attackSheets(stix);
  const stem = `${DOMAIN_SLUGS[domain]}-attack-${fileNamePart(stix.release)}`;
  return {
    domain,
    release: stix.release,
    files: [
      { path: paths.download(`${stem}.xlsx`), label: 'Spreadsheet (XLSX), every sheet', contentType: XLSX_TYPE, bytes: await spreadsheetBytes(sheets) },
      ...sheets.map((sheet: Sheet) => ({
        path: paths.download(`${stem}-${sheet.name}.csv`),
        label: `${sheet.name} (CSV, ${sheet.rows.length} rows)`,
        contentType: 'text/csv; charset=utf-8',
        bytes: Buffer.from(toCsv([sheet.columns, ...sheet.rows])),
      })),
    ],
  };
}

/** A release number as part of a file name: letters, digits, dots and dashes only (a bundle may name its release anything). */
function fileNamePart(release: string): string {
  return release.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'release';
}
