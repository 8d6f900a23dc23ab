/**
 * What normalizing shares between kinds and relationships: the context it runs in, the fields
 * every ATT&CK object has, and small readers of STIX values.
 */
import { DOMAINS, type Domain, type Reference } from '../../model/attack.ts';
import type { createMarkdownRenderer } from '../render/markdown.ts';
import type { ImportReport, Location } from '../report.ts';
import { isDomain } from '../sources/bundles.ts';
import type { ExternalReference } from '../sources/stix-fields.ts';
import type { StixObjectOf, StixType } from '../sources/stix.ts';
import { ATTACK_ID_SOURCES, type AttackIndex, type Linked } from './link.ts';

export interface Context {
  index: AttackIndex;
  markdown: ReturnType<typeof createMarkdownRenderer>;
  report: ImportReport;
  /** Sub-technique STIX id → parent STIX id, from subtechnique-of relationships. */
  parents: Map<string, string>;
}

type ObjectStixType = Exclude<StixType, 'relationship'>;
export type Of<T extends ObjectStixType> = StixObjectOf<T> & { type: T };

/** The linked object's STIX object, as one of the types its kind is read from. */
export function stixOf<T extends ObjectStixType>(linked: Linked, ...types: T[]): Of<T> {
  if (!(types as string[]).includes(linked.object.type)) throw new Error(`${linked.object.id} is a ${linked.object.type}, not a ${types.join(' or ')}`);
  return linked.object as Of<T>;
}

/** The fields every ATT&CK object has. */
export function common(linked: Linked, { markdown }: Context) {
  const { object } = linked;
  const description = markdown.renderDescription(object.description, at(linked));
  return {
    id: object.id,
    attackId: linked.attackId,
    name: object.name.trim(),
    path: linked.path,
    description: description.rich,
    summary: description.summary,
    excerpt: description.excerpt,
    text: description.text,
    references: references(object.external_references),
    domains: sortDomains([...new Set([...linked.domains, ...(object.x_mitre_domains ?? []).filter(isDomain)])]),
    status: linked.status,
    revokedBy: linked.revokedBy,
    version: present(object.x_mitre_version),
    created: present(object.created),
    modified: present(object.modified),
    contributors: list(object.x_mitre_contributors),
  };
}

/** Aliases other than the object's own name, each with the description of its same-named reference. */
export function aliases(linked: Linked, names: string[] | undefined, { markdown }: Context) {
  const { object } = linked;
  const own = object.name.trim();
  return list(names)
    .filter((name) => name !== own)
    .map((name) => ({
      name,
      description: markdown.renderInline(
        object.external_references?.find((ref) => ref.source_name === name)?.description,
        at(linked),
      ),
    }));
}

/** Where an object was read, for warnings about its texts. */
export function at(linked: Linked): Location {
  return { source: linked.source, objectId: linked.object.id };
}

export function knownId(id: string | undefined, { index }: Context): string | undefined {
  return id && index.get(id) ? id : undefined;
}

export function knownIds(ids: string[] | undefined, owner: Linked, { index, report }: Context): string[] {
  return list(ids).filter((id) => {
    if (index.get(id)) return true;
    report.warn({ source: owner.source, objectId: owner.object.id }, `refers to missing ${id}`);
    return false;
  });
}

/** The sources a text may cite: every external reference but the ATT&CK id itself. */
export function references(externalReferences: ExternalReference[] | undefined): Reference[] {
  const byName = new Map<string, Reference>();
  for (const ref of externalReferences ?? []) {
    const name = ref.source_name.trim();
    if (ATTACK_ID_SOURCES.has(name) || byName.has(name)) continue;
    byName.set(name, { name, description: present(ref.description), url: safeUrl(ref.url) });
  }
  return [...byName.values()];
}

export function externalIds(externalReferences: ExternalReference[] | undefined, sourceName: string): string[] {
  return list((externalReferences ?? []).filter((ref) => ref.source_name === sourceName).map((ref) => ref.external_id ?? ''));
}

/** Only web links are kept: a `javascript:` or `data:` URL from a bundle never reaches a page. */
export function safeUrl(url: string | undefined): string | undefined {
  const trimmed = present(url);
  return trimmed && /^https?:\/\//i.test(trimmed) ? trimmed : undefined;
}

/** Empty strings count as absent. */
export function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function list(values: string[] | undefined): string[] {
  return [...new Set((values ?? []).map((value) => value.trim()).filter(Boolean))];
}

export function sortDomains(domains: Domain[]): Domain[] {
  return [...domains].sort((a, b) => DOMAINS.indexOf(a) - DOMAINS.indexOf(b));
}
