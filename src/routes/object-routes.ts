/**
 * The static paths of the pages every release has: object pages, kinds' overviews and domain
 * lists, matrices, and Navigator layers. The live site's routes list them for the latest
 * release; the frozen routes under `/versions/v<release>/` list them for each older one.
 */
import { layerFiles, layerObjects, navigatorLayer, type LayerFile, type LayerObject } from '../exports/navigator-layers.ts';
import { matrixLayer } from '../exports/matrix-layer.ts';
import { matrixPages, type MatrixPage } from '../lib/pages/matrix.ts';
import { loadedReleases, loadGraph, loadHistory, loadVault, loadVaultHealth } from '../lib/site-data.ts';
import { notesChangesOf, notesChangesPage } from '../lib/pages/notes-changes.ts';
import { paths, routeParam, type SitePath } from '../lib/paths.ts';
import { BASE, frozenRoot, LIVE_ROOT, url, type PageRoot } from '../lib/site.ts';
import { Vault } from '../lib/vault.ts';
import { DOMAIN_LABELS, DOMAIN_SLUGS } from '../model/attack.ts';
import { attackIdPath } from '../model/ids.ts';
import { hasObjectPage, KINDS, LISTED_KINDS, OBJECT_PAGE_KINDS } from '../model/kinds.ts';
import { diffedPairs } from '../lib/history.ts';
import { kindDomains } from '../sections/lists.ts';

/** The root of a release's pages: the live site for the latest (or none named), frozen otherwise. */
export async function rootOf(release?: string): Promise<PageRoot> {
  const latest = (await loadedReleases()).at(-1);
  return release === undefined || release === latest ? LIVE_ROOT : frozenRoot(release);
}

/** The releases with frozen pages: every loaded one but the live. */
export async function frozenReleases(): Promise<string[]> {
  return (await loadedReleases()).slice(0, -1);
}

/** One route per frozen release: `/versions/v17.1/...`. */
export async function frozenReleaseRoutes() {
  return (await frozenReleases()).map((release) => ({ params: { release: `v${release}` }, props: { release } }));
}

/** A release's routes under `/versions/v<release>/`, for each frozen release. */
export async function frozenRoutes<P extends object, R extends object>(
  routes: (release: string) => Promise<{ params: P; props: R }[]>,
): Promise<{ params: P & { release: string }; props: R & { release: string } }[]> {
  const all = await Promise.all(
    (await frozenReleases()).map(async (release) =>
      (await routes(release)).map(({ params, props }) => ({ params: { ...params, release: `v${release}` }, props: { ...props, release } })),
    ),
  );
  return all.flat();
}

export async function objectRoutes(release?: string) {
  const graph = await loadGraph(release);
  return OBJECT_PAGE_KINDS.flatMap((kind) =>
    graph.all(kind).map((object) => ({ params: { section: KINDS[kind].collection, id: attackIdPath(object.attackId) }, props: { object } })),
  );
}

export async function kindRoutes() {
  return LISTED_KINDS.map((kind) => ({ params: { section: KINDS[kind].collection }, props: { kind } }));
}

export async function domainListRoutes(release?: string) {
  const graph = await loadGraph(release);
  return LISTED_KINDS.flatMap((kind) =>
    kindDomains(graph, kind).map((domain) => ({ params: { section: KINDS[kind].collection, domain: DOMAIN_SLUGS[domain] }, props: { kind, domain } })),
  );
}

export async function matrixRoutes(release?: string) {
  const root = await rootOf(release);
  return matrixPages(await loadGraph(release), root.base).map((page) => ({
    params: { domain: page.domainSlug, platform: page.platformSlug },
    props: { page },
  }));
}

/** Each matrix page's Navigator layer, in its domain's folder (paths.matrixLayer). */
export async function matrixLayerRoutes(release?: string) {
  return (await matrixRoutes(release)).map(({ props: { page } }) => ({
    params: { domain: page.domainSlug, layer: fileStem(page.layer.path) },
    props: { page },
  }));
}

/** The layer file of a matrix layer route, in its release. */
export async function matrixLayerResponse({ page, release }: { page: MatrixPage; release?: string }): Promise<Response> {
  return jsonResponse(matrixLayer(await loadGraph(release), page.domain, page.platform));
}

/** `/groups/G0016/G0016-enterprise-layer.json` → `G0016-enterprise-layer`: a layer route's last parameter. */
function fileStem(path: SitePath): string {
  return path.split('/').at(-1)!.replace(/\.json$/, '');
}

function jsonResponse(value: unknown): Response {
  return new Response(`${JSON.stringify(value, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
}

export async function layerRoutes(release?: string) {
  const data = { graph: await loadGraph(release), vault: new Vault([]) };
  return layerObjects(data.graph).flatMap((object) =>
    layerFiles(data, object).map((file) => ({
      params: { section: KINDS[object.type].collection, id: attackIdPath(object.attackId), layer: fileStem(file.path) },
      props: { object, file },
    })),
  );
}

/** The layer file of a layer route, in its release. */
export async function layerResponse({ object, file, release }: { object: LayerObject; file: LayerFile; release?: string }): Promise<Response> {
  return jsonResponse(navigatorLayer({ graph: await loadGraph(release), vault: new Vault([]) }, object, file.domain));
}

/**
 * The live release's permalinks: `/versions/v18.1/<path>` for every page a release has, each
 * leading to the live page of that path until a newer release is loaded and freezes them.
 */
export async function livePermalinkRoutes() {
  const latest = (await loadedReleases()).at(-1)!;
  const pages: { path: SitePath; title: string }[] = [
    { path: paths.home(), title: 'Home' },
    { path: paths.matrices(), title: 'Matrices' },
    ...(await objectRoutes()).map(({ props: { object } }) => ({ path: object.path, title: `${object.attackId} ${object.name}` })),
    ...(await kindRoutes()).map(({ props: { kind } }) => ({ path: paths.list(kind), title: KINDS[kind].labels.plural })),
    ...(await domainListRoutes()).map(({ props: { kind, domain } }) => ({ path: paths.list(kind, domain), title: `${KINDS[kind].labels.plural}: ${DOMAIN_LABELS[domain]}` })),
    ...(await matrixRoutes()).map(({ props: { page } }) => ({ path: page.path, title: page.heading })),
  ];
  return pages.map(({ path, title }) => ({
    params: { release: `v${latest}`, path: routeParam(path) || undefined },
    props: { title: `${title} (ATT&CK ${latest})`, to: url(path) },
  }));
}

/** One route per pair of consecutive releases: `/changes/v18.0-v18.1/`. */
export async function changeRoutes() {
  return (await loadHistory()).changes.map((changes) => ({ params: { pair: routeParam(paths.releaseChanges(changes.from, changes.to), paths.changes()) }, props: { changes } }));
}

/** One route per pair of releases, with its page of the team's links that the pair changed (none without a vault). */
export async function notesChangeRoutes() {
  const [health, vault, history, live] = await Promise.all([loadVaultHealth(), loadVault(), loadHistory(), loadGraph()]);
  return Promise.all(
    (await changeRoutes()).map(async ({ params, props: { changes: pair } }) => {
      const changes = notesChangesOf(health, pair);
      const graphs = { from: await loadGraph(pair.from), to: await loadGraph(pair.to), live };
      return { params, props: { pair, page: changes && notesChangesPage(changes, { pair, vault, history, graphs }, BASE) } };
    }),
  );
}

/** One route per pair of releases and domain both loaded: `/changes/v18.0-v18.1/enterprise/`. */
export async function domainChangeRoutes() {
  return (await changeRoutes()).flatMap(({ params, props }) =>
    props.changes.domains.map(({ domain }) => ({ params: { ...params, domain: DOMAIN_SLUGS[domain] }, props: { ...props, domain } })),
  );
}

/**
 * A page of differences for each object that changed between two consecutive releases (whatever
 * its kind, tactics too): `/changes/v17.1-v18.0/techniques/T1082/`.
 */
export async function objectChangeRoutes() {
  const history = await loadHistory();
  const pairs = new Map((await changeRoutes()).map((route) => [route.props.changes.to, route]));
  const routes = [];
  for (const object of history.objects()) {
    if (!hasObjectPage(object.kind)) continue;
    for (const [older, newer] of diffedPairs(object)) {
      const pair = pairs.get(newer.release);
      const [before, after] = [(await loadGraph(older.release)).get(object.id), (await loadGraph(newer.release)).get(object.id)];
      if (!pair || !before || !after || !hasObjectPage(before.type) || !hasObjectPage(after.type)) continue;
      routes.push({
        params: { ...pair.params, section: KINDS[after.type].collection, id: attackIdPath(after.attackId) },
        props: { changes: pair.props.changes, older: before, newer: after, category: newer.change },
      });
    }
  }
  return routes;
}
