/** The search entry of an ATT&CK object's page. */
import type { AttackObject, AttackType } from '../../model/attack.ts';
import { attackIdSortKey, type AttackGraph } from '../graph.ts';
import { displayName, domainLabels } from '../pages/common.ts';
import { activeAnalytics } from '../pages/detection-strategy.ts';
import type { SearchEntry } from './schema.ts';

const TYPE_LABELS: Record<AttackType, string> = {
  technique: 'Technique',
  tactic: 'Tactic',
  mitigation: 'Mitigation',
  group: 'Group',
  software: 'Software',
  campaign: 'Campaign',
  datasource: 'Data Source',
  datacomponent: 'Data Component',
  detectionstrategy: 'Detection Strategy',
  analytic: 'Analytic',
  asset: 'Asset',
  matrix: 'Matrix',
};

/** The entry of an active object's page. */
export function objectSearchEntry(object: AttackObject, graph: AttackGraph): SearchEntry {
  const anchored = object.type === 'detectionstrategy' ? activeAnalytics(graph, object) : [];
  const title = displayName(object, graph);
  // A sub-technique's own name ("PowerShell") is an alias of its title ("Command and Scripting Interpreter: PowerShell").
  const names = [object.name, ...('aliases' in object ? object.aliases.map((alias) => alias.name) : [])];
  return {
    type: TYPE_LABELS[object.type],
    title,
    id: object.attackId,
    exactIds: [...graph.objectsReplacedBy(object), ...anchored].map((each) => each.attackId),
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
