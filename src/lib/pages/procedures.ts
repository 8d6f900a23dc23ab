/** `/procedures/`: every procedure of the vault with its tactics, filterable by tactic. */
import type { AttackGraph } from '../graph.ts';
import type { Vault } from '../vault.ts';
import { attackLinks, siteLink, yesNo, type TableRow } from './common.ts';

export interface ProcedureIndex {
  /** Tactics with at least one procedure, in ATT&CK id order: the filter's options. */
  tactics: { attackId: string; name: string }[];
  /** Procedure | Tactics | Techniques | Platforms | Verified; `data-tactics` lists the row's tactic ids. */
  rows: TableRow[];
}

export function procedureIndex(vault: Vault, graph: AttackGraph, base: string): ProcedureIndex {
  const procedures = vault.procedures();
  const tactics = new Map<string, { attackId: string; name: string }>();
  const rows = procedures.map(({ path, title, procedure }) => {
    const tacticLinks = attackLinks(procedure.tactics, graph, base);
    for (const id of procedure.tactics) {
      const tactic = graph.get(id);
      if (tactic) tactics.set(tactic.attackId, { attackId: tactic.attackId, name: tactic.name });
    }
    return {
      data: { tactics: procedure.tactics.flatMap((id) => graph.get(id)?.attackId ?? []).join(' ') },
      cells: [
        siteLink(path, base, title),
        tacticLinks,
        attackLinks([...procedure.techniques, ...procedure.subtechniques], graph, base),
        procedure.platforms,
        yesNo(procedure.verified) ?? '',
      ],
    };
  });
  return { tactics: [...tactics.values()].sort((a, b) => a.attackId.localeCompare(b.attackId)), rows };
}
