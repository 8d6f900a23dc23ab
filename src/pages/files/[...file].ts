/** The vault's files, served at the paths notes link them by (`/files/images/diagram.png`). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { lookup } from 'mrmime';
import { generatedDir } from 'virtual:kb/config';
import { FILE_SECURITY_HEADERS } from '../../lib/content-security-policy.ts';
import { generatedLayout } from '../../lib/generated.ts';
import { paths, routeParam } from '../../lib/paths.ts';
import { loadVaultFiles } from '../../lib/site-data.ts';

export const getStaticPaths = (async () => {
  return (await loadVaultFiles()).map((file) => ({ params: { file: routeParam(file.path, paths.files()) }, props: { id: file.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ id: string }> = async ({ props }) => {
  const bytes = await readFile(join(generatedLayout(generatedDir).files, props.id));
  // The dev server sends these; a static host derives the type from the (allowlisted) extension.
  return new Response(new Uint8Array(bytes), {
    headers: { ...FILE_SECURITY_HEADERS, 'Content-Type': lookup(props.id) ?? 'application/octet-stream' },
  });
};
