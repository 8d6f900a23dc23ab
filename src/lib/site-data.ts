/** The graph of everything imported, loaded from the content collections once per build. */
import { getCollection } from 'astro:content';
import { type Kind } from '../model/kinds.ts';
import { COLLECTION_SCHEMAS, type CollectionName, type Collections } from '../model/collections.ts';
import { AttackGraph } from './graph.ts';
import { Vault } from './vault.ts';

let graph: Promise<AttackGraph> | undefined;
let vault: Promise<Vault> | undefined;

export function loadGraph(): Promise<AttackGraph> {
  graph ??= readCollections().then((collections) => new AttackGraph(collections));
  return graph;
}

/** The team's notes, indexed for backlinks, tags and the ATT&CK pages they belong on. */
export function loadVault(): Promise<Vault> {
  vault ??= loadGraph().then((loaded) => new Vault(loaded.collections.notes));
  return vault;
}

async function readCollections(): Promise<Collections> {
  const counts = new Map((await getCollection('manifest')).map((entry) => [entry.id, entry.data.count]));
  const names = Object.keys(COLLECTION_SCHEMAS) as CollectionName[];
  const entries = await Promise.all(
    names.map(async (name) => [name, counts.get(name) ? (await getCollection(name)).map((entry) => entry.data) : []] as const),
  );
  return Object.fromEntries(entries) as unknown as Collections;
}

/** getStaticPaths for the pages of one object type: one page per object, keyed by ATT&CK id. */
export async function objectPaths<T extends Kind>(type: T) {
  const graph = await loadGraph();
  return graph.all(type).map((object) => ({
    params: { id: object.attackId.replace('.', '/') },
    props: { object },
  }));
}
