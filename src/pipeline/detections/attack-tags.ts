/**
 * ATT&CK tags of Sigma rules, read as Sigma means them (its tags appendix): `attack.t1059.001` a
 * technique or sub-technique, `attack.g0007` a group, `attack.s0154` software, and tactics by name,
 * `attack.defense-evasion` or `attack.stealth` (older rules write `attack.defense_evasion`). Ids of
 * other ATT&CK kinds (`attack.ds0005`, `attack.c0010`) link too. A revoked id links to its
 * replacement, with a warning naming the file; tags that name nothing in the release are
 * reported once per tag, with how many rules carry it and the first file.
 */
import type { AttackObject, Tactic } from '../../model/attack.ts';
import { DOMAINS } from '../../model/domains.ts';
import type { AttackTag } from '../../model/detections.ts';
import { parseAttackId } from '../../model/ids.ts';
import type { ImportReport } from '../report.ts';
import type { AttackLookup } from '../vault/resolve.ts';

const ATTACK_PREFIX = 'attack.';

/**
 * Tactic names that ATT&CK 19 brought, by the id they stand for: TA0005 was renamed Stealth, and
 * Defense Impairment (TA0112) was split from it. A release without TA0112 holds its techniques in
 * TA0005, so rules tagged with it land there (with one warning saying so).
 */
const RENAMED_TACTICS: Record<string, { id: string; splitFrom?: string }> = {
  stealth: { id: 'TA0005' },
  'defense-impairment': { id: 'TA0112', splitFrom: 'TA0005' },
};

interface Unknown {
  count: number;
  firstFile: string;
  reason: string;
}

export class AttackTagResolver {
  private readonly tacticsByName = new Map<string, Tactic>();
  private readonly unknown = new Map<string, Unknown>();
  private readonly fallbacks = new Map<string, Unknown>();
  private readonly lookup: AttackLookup;
  private readonly release: string;
  private readonly report: ImportReport;

  constructor(lookup: AttackLookup, objects: AttackObject[], release: string, report: ImportReport) {
    this.lookup = lookup;
    this.release = release;
    this.report = report;
    // Enterprise's tactics first: Sigma rules are about Enterprise, and the other domains reuse its names.
    const tactics = objects.filter((object): object is Tactic => object.type === 'tactic' && object.status === 'active');
    tactics.sort((a, b) => DOMAINS.indexOf(a.domains[0]!) - DOMAINS.indexOf(b.domains[0]!));
    for (const tactic of tactics) if (!this.tacticsByName.has(tactic.shortname)) this.tacticsByName.set(tactic.shortname, tactic);
  }

  /** The ATT&CK tags among a rule's tags, each with the STIX id it links to when it names an object. */
  resolve(tags: string[], file: string): AttackTag[] {
    return tags
      .filter((tag) => tag.toLowerCase().startsWith(ATTACK_PREFIX))
      .map((tag) => {
        const target = this.target(tag.toLowerCase().slice(ATTACK_PREFIX.length).trim(), tag, file);
        return target ? { tag, target: target.id } : { tag };
      });
  }

  /** Reports the tags that named nothing and the tactic names read as another tactic: one warning each. */
  finish(): void {
    for (const [tag, { count, firstFile, reason }] of [...this.fallbacks, ...this.unknown]) {
      this.report.warn({ source: firstFile }, `${tag}: ${reason} (${count} rule${count === 1 ? '' : 's'}; this file is the first)`);
    }
  }

  private target(name: string, tag: string, file: string): AttackObject | undefined {
    const parsed = parseAttackId(name);
    if (parsed) {
      const match = this.lookup.find(parsed.id);
      if (!match) return this.noteUnknown(tag, file, `names no object of ATT&CK ${this.release}`);
      if (match.warning) this.report.warn({ source: file }, `${tag}: ${match.warning}`);
      return match.object;
    }
    const tacticName = name.replace(/_/g, '-');
    const renamed = RENAMED_TACTICS[tacticName];
    if (renamed) return this.renamedTactic(renamed, tag, file);
    return this.tacticsByName.get(tacticName) ?? this.noteUnknown(tag, file, `names no tactic of ATT&CK ${this.release}`);
  }

  private renamedTactic({ id, splitFrom }: { id: string; splitFrom?: string }, tag: string, file: string): AttackObject | undefined {
    const tactic = this.lookup.find(id)?.object;
    if (tactic) return tactic;
    const parent = splitFrom ? this.lookup.find(splitFrom)?.object : undefined;
    if (!parent) return this.noteUnknown(tag, file, `names ${id}, which ATT&CK ${this.release} does not have`);
    count(this.fallbacks, tag.toLowerCase(), file, `${id} is not in ATT&CK ${this.release}; linked to ${parent.attackId} ${parent.name}, which held its techniques`);
    return parent;
  }

  private noteUnknown(tag: string, file: string, reason: string): undefined {
    count(this.unknown, tag.toLowerCase(), file, reason);
    return undefined;
  }
}

function count(map: Map<string, Unknown>, key: string, file: string, reason: string): void {
  const entry = map.get(key);
  if (entry) entry.count++;
  else map.set(key, { count: 1, firstFile: file, reason });
}
