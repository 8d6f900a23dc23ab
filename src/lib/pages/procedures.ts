/** `/procedures/`: every procedure of the vault with its tactics, filterable by tactic and technique. */
import type { AttackGraph } from '../graph.ts';
import { href, paths } from '../paths.ts';
import type { Vault } from '../vault.ts';
import { attackLinks, siteLink, yesNo } from './common.ts';
import type { PagedTable } from './paged-table.ts';

export interface ProcedureIndex {
  /** Tactics with at least one procedure, in ATT&CK id order: the filter's options. */
  tactics: { attackId: string; name: string }[];
  /**
   * Procedure | Tactics | Techniques | Platforms | Verified; each row's `tactics` and `techniques`
   * data list its ids (a sub-technique's parent too), for the filters.
   */
  table: PagedTable;
}

export function procedureIndex(vault: Vault, graph: AttackGraph, base: string): ProcedureIndex {
  const tactics = new Map<string, { attackId: string; name: string }>();
  const attackIdsOf = (ids: string[]) => ids.flatMap((id) => graph.get(id)?.attackId ?? []);
  const rows = vault.procedures().map(({ path, title, procedure }) => {
    for (const id of procedure.tactics) {
      const tactic = graph.get(id);
      if (tactic) tactics.set(tactic.attackId, { attackId: tactic.attackId, name: tactic.name });
    }
    const techniques = attackIdsOf([...procedure.techniques, ...procedure.subtechniques]);
    return {
      data: {
        tactics: attackIdsOf(procedure.tactics).join(' '),
        techniques: [...new Set(techniques.flatMap((id) => [id, id.split('.')[0]!]))].join(' '),
      },
      cells: [
        siteLink(path, base, title),
        attackLinks(procedure.tactics, graph, base),
        attackLinks([...procedure.techniques, ...procedure.subtechniques], graph, base),
        procedure.platforms,
        yesNo(procedure.verified) ?? '',
      ],
    };
  });
  return {
    tactics: [...tactics.values()].sort((a, b) => a.attackId.localeCompare(b.attackId)),
    table: {
      caption: 'Procedures',
      headers: ['Procedure', 'Tactics', 'Techniques', 'Platforms', 'Verified'],
      rows,
      noun: { singular: 'procedure', plural: 'procedures' },
      source: href(base, paths.listData(paths.procedures())),
    },
  };
}
