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
  const rows = procedures.map((note) => {
    const tacticLinks = attackLinks(note.procedure!.tactics, graph, base);
    for (const id of note.procedure!.tactics) {
      const tactic = graph.get(id);
      if (tactic) tactics.set(tactic.attackId, { attackId: tactic.attackId, name: tactic.name });
    }
    return {
      data: { tactics: note.procedure!.tactics.flatMap((id) => graph.get(id)?.attackId ?? []).join(' ') },
      cells: [
        siteLink(note.path, base, note.title),
        tacticLinks,
        attackLinks([...note.procedure!.techniques, ...note.procedure!.subtechniques], graph, base),
        note.procedure!.platforms,
        yesNo(note.procedure!.verified) ?? '',
      ],
    };
  });
  return { tactics: [...tactics.values()].sort((a, b) => a.attackId.localeCompare(b.attackId)), rows };
}
