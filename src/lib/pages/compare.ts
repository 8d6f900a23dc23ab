/**
 * The data of the compare pages (`/compare/` and `/compare/groups/`), which work in the browser:
 * one compact file of every active technique (with its tactics) and of every active group,
 * software and campaign with the techniques it uses, by index. The pages fetch it once.
 */
import { DOMAINS, type Domain } from '../../model/attack.ts';
import type { AttackGraph } from '../graph.ts';
import { href, paths } from '../paths.ts';
import { displayName, type Link } from './common.ts';
import { techniquesUsed } from '../../sections/techniques.ts';
import type { Vault } from '../vault.ts';

/** The kinds that can be compared: those that use techniques. */
export const COMPARED_KINDS = ['group', 'software', 'campaign'] as const;

/**
 * Arrays rather than objects, so that the file stays small: a technique is
 * [ATT&CK id, name, path, tactic indexes, domain index]; a tactic [ATT&CK id, name, domain index];
 * an object [ATT&CK id, name, kind index, path, technique indexes].
 */
export interface UsageData {
  domains: Domain[];
  kinds: (typeof COMPARED_KINDS)[number][];
  tactics: [string, string, number][];
  techniques: [string, string, string, number[], number][];
  objects: [string, string, number, string, number[]][];
}

export function usageData(graph: AttackGraph, vault: Vault): UsageData {
  const domains = DOMAINS.filter((domain) => graph.loadedDomains().includes(domain));
  const tactics = domains.flatMap((domain) => graph.active('tactic', domain).map((tactic) => ({ tactic, domain })));
  const tacticIndex = new Map(tactics.map(({ tactic }, index) => [tactic.id, index]));
  const techniques = graph.active('technique');
  const techniqueIndex = new Map(techniques.map((technique, index) => [technique.id, index]));
  return {
    domains,
    kinds: [...COMPARED_KINDS],
    tactics: tactics.map(({ tactic, domain }) => [tactic.attackId, tactic.name, domains.indexOf(domain)]),
    techniques: techniques.map((technique) => [
      technique.attackId,
      displayName(technique, graph),
      technique.path,
      technique.tactics.flatMap((id) => tacticIndex.get(id) ?? []),
      domains.indexOf(technique.domains[0]!),
    ]),
    objects: COMPARED_KINDS.flatMap((kind, kindIndex) =>
      graph.active(kind).map((object): UsageData['objects'][number] => [
        object.attackId,
        object.name,
        kindIndex,
        object.path,
        [...new Set(techniquesUsed.rows(object, { graph, vault }).flatMap(({ object: used }) => techniqueIndex.get(used.id) ?? []))].sort((a, b) => a - b),
      ]),
    ),
  };
}

/** "Which groups use these techniques", opened with the techniques a note links to; undefined when it links to none. */
export function groupsByTechniquesLink(stixIds: string[], graph: AttackGraph, base: string): Link | undefined {
  const ids = [...new Set(stixIds.flatMap((id) => graph.getOfType('technique', id)?.attackId ?? []))];
  if (ids.length === 0) return undefined;
  return { text: `Which groups use the ${ids.length === 1 ? 'technique' : `${ids.length} techniques`} this note links to?`, href: `${href(base, paths.compareGroups())}?techniques=${ids.join(',')}` };
}
