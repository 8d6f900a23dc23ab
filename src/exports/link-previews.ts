/**
 * The link previews of the live site (src/lib/link-previews.ts): a `preview.json` of a few hundred
 * bytes beside the page of every ATT&CK object of the latest release and of every note, with its
 * id, name, kind and the first sentence of its text. Written straight into the built site when the
 * pages are done, like the objects' JSON (src/exports/object-json.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { generatedReader } from '../lib/generated.ts';
import type { LinkPreview } from '../lib/link-previews.ts';
import { paths, type SitePath } from '../lib/paths.ts';
import type { AttackObject } from '../model/attack.ts';
import { objectsOf } from '../model/collections.ts';
import { KINDS, OBJECT_PAGE_KINDS, SOFTWARE_TYPE_LABELS } from '../model/kinds.ts';
import type { Note } from '../model/notes.ts';
import { shorten } from '../pipeline/render/markdown.ts';

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** The first sentence of a plain text (`e.g.` and the like do not end one), shortened when it runs long. */
export function firstSentence(text: string): string {
  const first = sentences.segment(text.replace(/\s+/g, ' ').trim())[Symbol.iterator]().next().value;
  return first ? shorten(first.segment) : '';
}

export function objectPreview(object: AttackObject, byId: ReadonlyMap<string, AttackObject>): LinkPreview {
  return {
    id: object.attackId,
    name: object.name,
    kind: kindLabel(object, byId),
    text: firstSentence(object.text),
    ...(object.status === 'deprecated' ? { deprecated: true } : {}),
  };
}

export function notePreview(note: Note): LinkPreview {
  return { name: note.title, kind: note.kind === 'procedure' ? 'Procedure' : 'Note', text: firstSentence(note.excerpt) };
}

/** "Sub-technique of T1059", "Malware", "Group". */
function kindLabel(object: AttackObject, byId: ReadonlyMap<string, AttackObject>): string {
  if (object.type === 'technique' && object.isSubtechnique) {
    const parent = object.parent ? byId.get(object.parent) : undefined;
    return parent ? `Sub-technique of ${parent.attackId}` : 'Sub-technique';
  }
  if (object.type === 'software') return SOFTWARE_TYPE_LABELS[object.softwareType];
  return KINDS[object.type].labels.singular;
}

/** Writes the previews into the built site at `outDir`; returns how many pages got one and their bytes. */
export async function writeLinkPreviews(generatedDir: string, outDir: string): Promise<{ files: number; bytes: number }> {
  const reader = generatedReader(generatedDir);
  const latest = (await reader.manifest()).releases.at(-1);
  const collections = latest && (await reader.release(latest.release));
  const objects = collections
    ? OBJECT_PAGE_KINDS.flatMap((kind) => objectsOf(collections, kind) as AttackObject[]).filter((object) => object.status !== 'revoked')
    : [];
  const byId = new Map(objects.map((object) => [object.id, object]));
  const previews: [SitePath, LinkPreview][] = [
    ...objects.map((object): [SitePath, LinkPreview] => [object.path, objectPreview(object, byId)]),
    ...(await reader.vault()).notes.map((note): [SitePath, LinkPreview] => [note.path, notePreview(note)]),
  ];
  let bytes = 0;
  for (const [page, preview] of previews) {
    const text = JSON.stringify(preview);
    const file = join(outDir, paths.preview(page));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    bytes += Buffer.byteLength(text);
  }
  return { files: previews.length, bytes };
}
