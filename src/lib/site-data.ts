/**
 * What the pages are made from: the collections the importer wrote (src/lib/generated.ts), read
 * once per build, as one graph per release, the team's vault and its detection content. The kb integration
 * (src/integrations/kb.ts) says where they are, through its virtual module; in `npm run dev` a
 * new import is noticed by its manifest and read again on the next page (a release's graph only
 * when its collections were written again: an edit of a note rewrites the vault's alone).
 */
import { stat } from 'node:fs/promises';
import { generatedDir } from 'virtual:kb/config';
import type { Manifest } from '../model/collections.ts';
import type { VaultFile, VaultHealth } from '../model/notes.ts';
import { Detections } from './detections.ts';
import { generatedReader, type StixFile } from './generated.ts';
import type { Domain } from '../model/domains.ts';
import { AttackGraph } from './graph.ts';
import { HistoryIndex } from './history.ts';
import { Vault } from './vault.ts';

interface SiteData {
  manifest: Manifest;
  /** Each release's graph, read when a page first asks for it. */
  graphs: Map<string, Promise<AttackGraph>>;
  vault: Promise<{ vault: Vault; files: VaultFile[] }>;
  history: Promise<HistoryIndex>;
  detections: Promise<Detections>;
  stix: Map<Domain, Promise<StixFile>>;
}

const generated = generatedReader(generatedDir);
let loaded: { stamp: string; data: Promise<SiteData> } | undefined;
/** The graphs read so far in `npm run dev`, by release and the time its collections were written. */
const devGraphs = new Map<string, Promise<AttackGraph>>();

/** The releases that were loaded, oldest first: the last is the live one. */
export async function loadedReleases(): Promise<string[]> {
  return (await siteData()).manifest.releases.map((entry) => entry.release);
}

/** The graph of a release; the latest by default. */
export async function loadGraph(release?: string): Promise<AttackGraph> {
  const data = await siteData();
  const wanted = release ?? data.manifest.releases.at(-1)?.release;
  if (!wanted || !data.manifest.releases.some((entry) => entry.release === wanted)) throw new Error(`release ${wanted} was not imported`);
  let graph = data.graphs.get(wanted);
  if (!graph) {
    graph = import.meta.env.DEV ? devGraph(wanted) : readGraph(wanted);
    data.graphs.set(wanted, graph);
  }
  return graph;
}

async function readGraph(release: string): Promise<AttackGraph> {
  return new AttackGraph(await generated.release(release));
}

async function devGraph(release: string): Promise<AttackGraph> {
  const written = await stat(generated.layout.releaseCollection(release, 'relationships')).catch(() => undefined);
  const key = `${release}:${written?.mtimeMs ?? 'none'}`;
  let graph = devGraphs.get(key);
  if (!graph) {
    graph = readGraph(release);
    for (const old of devGraphs.keys()) if (old.startsWith(`${release}:`)) devGraphs.delete(old);
    devGraphs.set(key, graph);
  }
  return graph;
}

/** The team's notes, indexed for backlinks, tags and the ATT&CK pages they belong on. */
export async function loadVault(): Promise<Vault> {
  return (await (await siteData()).vault).vault;
}

/** What changed between the loaded releases. */
export async function loadHistory(): Promise<HistoryIndex> {
  return (await siteData()).history;
}

/** The vault's health, as the import found it (none without a vault). */
export async function loadVaultHealth(): Promise<VaultHealth | undefined> {
  return generated.vaultHealth();
}

/** The vault's files that notes embed. */
export async function loadVaultFiles(): Promise<VaultFile[]> {
  return (await (await siteData()).vault).files;
}

/** The Sigma rules and Atomic Red Team tests, indexed by the ATT&CK objects they are about. */
export async function loadDetections(): Promise<Detections> {
  return (await siteData()).detections;
}

/** The latest release's bundle of a domain, as the import read it. */
export async function loadStix(domain: Domain): Promise<StixFile> {
  const { stix } = await siteData();
  let file = stix.get(domain);
  if (!file) {
    file = generated.stix(domain);
    stix.set(domain, file);
  }
  return file;
}

async function siteData(): Promise<SiteData> {
  const stamp = import.meta.env.DEV ? await manifestStamp() : 'build';
  if (!loaded || loaded.stamp !== stamp) loaded = { stamp, data: readSiteData() };
  return loaded.data;
}

async function readSiteData(): Promise<SiteData> {
  const manifest = await generated.manifest();
  const releases = manifest.releases.map((entry) => entry.release);
  return {
    manifest,
    graphs: new Map(),
    vault: readVault(),
    history: generated.history().then(({ history: objects, changes }) => new HistoryIndex(objects, changes, releases)),
    detections: generated.detections().then((collections) => new Detections(collections)),
    stix: new Map(),
  };
}

async function readVault(): Promise<Awaited<SiteData['vault']>> {
  const { notes, vaultfiles } = await generated.vault();
  return { vault: new Vault(notes), files: vaultfiles };
}

async function manifestStamp(): Promise<string> {
  const info = await stat(generated.layout.manifest).catch(() => undefined);
  return info ? `${info.mtimeMs}:${info.size}` : 'none';
}
