/** The vault's images, served at the paths notes link them by (`/files/images/diagram.png`). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { lookup } from 'mrmime';
import { collectionsFolder, GENERATED_DIR } from '../../lib/generated-loader.ts';
import { loadGraph } from '../../lib/site-data.ts';

export const getStaticPaths = (async () => {
  const { vaultfiles } = (await loadGraph()).collections;
  return vaultfiles.map((file) => ({ params: { file: file.path.replace(/^\/files\//, '') }, props: { id: file.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ id: string }> = async ({ props }) => {
  const bytes = await readFile(join(collectionsFolder(GENERATED_DIR), 'files', props.id));
  // The dev server sends these; a static host derives the type from the (allowlisted) extension.
  return new Response(new Uint8Array(bytes), {
    headers: { 'Content-Type': lookup(props.id) ?? 'application/octet-stream', 'X-Content-Type-Options': 'nosniff' },
  });
};
