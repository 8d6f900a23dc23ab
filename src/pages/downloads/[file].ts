/** The files of /downloads/: each domain's spreadsheet and CSVs (src/lib/downloads.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allDownloads, type DownloadFile } from '../../lib/downloads.ts';
import { paths, routeParam } from '../../lib/paths.ts';

interface Props {
  file: DownloadFile;
}

export const getStaticPaths = (async () =>
  (await allDownloads()).flatMap(({ files }) => files.map((file) => ({ params: { file: routeParam(file.path, paths.downloads()) }, props: { file } })))) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = ({ props: { file } }) => new Response(new Uint8Array(file.bytes), { headers: { 'Content-Type': file.contentType } });
