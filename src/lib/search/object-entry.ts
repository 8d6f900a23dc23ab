/** The search entry of an ATT&CK object's page. */
import type { AttackObject } from '../../model/attack.ts';
import { KINDS } from '../../model/kinds.ts';
import type { AttackGraph } from '../graph.ts';
import { attackIdSortKey } from '../../model/ids.ts';
import { displayName, domainLabels } from '../pages/common.ts';
import type { SearchEntry } from './schema.ts';

/** The entry of an active object's page. */
export function objectSearchEntry(object: AttackObject, graph: AttackGraph): SearchEntry {
  const anchored = object.type === 'detectionstrategy' ? graph.activeAnalyticsOf(object) : [];
  const title = displayName(object, graph);
  // A sub-technique's own name ("PowerShell") is an alias of its title ("Command and Scripting Interpreter: PowerShell").
  const names = [object.name, ...('aliases' in object ? object.aliases.map((alias) => alias.name) : [])];
  return {
    type: KINDS[object.type].labels.singular,
    title,
    id: object.attackId,
    parts: anchored.map((analytic) => analytic.attackId),
    aliases: [...new Set(names)].filter((name) => name !== title),
    filters: {
      domain: domainLabels(object.domains),
      tactic: tacticNames(object, graph),
      platform: [...new Set([object, ...anchored].flatMap((each) => ('platforms' in each ? each.platforms : [])))],
    },
    order: attackIdSortKey(object.attackId),
  };
}

function tacticNames(object: AttackObject, graph: AttackGraph): string[] {
  if (object.type !== 'technique') return [];
  return [...new Set(object.tactics.map((id) => graph.get(id)?.name).filter((name) => name !== undefined))];
}
