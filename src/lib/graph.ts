/**
 * The imported collections as one graph: objects by STIX id and by ATT&CK id, relationships by
 * either end. Built once per build; every page reads from it. Pure, so tests build it from the
 * importer's output directly.
 */
import { COLLECTION_OF_TYPE, DOMAINS, type Analytic, type AttackObject, type AttackType, type Domain, type Relationship, type Technique } from '../model/attack.ts';
import type { Collections } from '../model/collections.ts';
import { pushTo } from './lists-by-key.ts';

type RelationshipType = Relationship['type'];
type ObjectOfType<T extends AttackType> = Extract<AttackObject, { type: T }>;

export class AttackGraph {
  readonly collections: Collections;
  private readonly byId = new Map<string, AttackObject>();
  private readonly byTypeAndAttackId = new Map<string, AttackObject>();
  private readonly outgoing = new Map<string, Relationship[]>();
  private readonly incoming = new Map<string, Relationship[]>();
  private readonly children = new Map<string, Technique[]>();
  private readonly activeLists = new Map<string, AttackObject[]>();
  private readonly analyticsByDataComponent = new Map<string, Analytic[]>();
  private readonly replacedObjects = new Map<string, AttackObject[]>();

  constructor(collections: Collections) {
    this.collections = collections;
    for (const type of Object.keys(COLLECTION_OF_TYPE) as AttackType[]) {
      for (const object of this.all(type)) {
        this.byId.set(object.id, object);
        this.byTypeAndAttackId.set(`${type}/${object.attackId}`, object);
        if (object.revokedBy) pushTo(this.replacedObjects, object.revokedBy, object);
      }
    }
    for (const relationship of collections.relationships) {
      pushTo(this.outgoing, relationship.source, relationship);
      pushTo(this.incoming, relationship.target, relationship);
    }
    const sortKey = (id: string) => attackIdSortKey(this.byId.get(id)?.attackId ?? '');
    for (const list of this.outgoing.values()) list.sort((a, b) => compareKeys(sortKey(a.target), sortKey(b.target)));
    for (const list of this.incoming.values()) list.sort((a, b) => compareKeys(sortKey(a.source), sortKey(b.source)));
    for (const technique of collections.techniques) {
      if (technique.parent && technique.status === 'active') pushTo(this.children, technique.parent, technique);
    }
    for (const list of this.children.values()) list.sort(byAttackId);
    for (const analytic of this.active('analytic')) {
      for (const id of new Set(analytic.logSources.map((source) => source.dataComponent))) {
        pushTo(this.analyticsByDataComponent, id, analytic);
      }
    }
  }

  all<T extends AttackType>(type: T): ObjectOfType<T>[] {
    return this.collections[COLLECTION_OF_TYPE[type]] as ObjectOfType<T>[];
  }

  /** Active objects of a type, in ATT&CK id order; `domain` keeps those of one domain. */
  active<T extends AttackType>(type: T, domain?: Domain): ObjectOfType<T>[] {
    const key = `${type}/${domain ?? ''}`;
    let list = this.activeLists.get(key);
    if (!list) {
      list = this.all(type)
        .filter((object) => object.status === 'active' && (!domain || object.domains.includes(domain)))
        .sort(byAttackId);
      this.activeLists.set(key, list);
    }
    return list as ObjectOfType<T>[];
  }

  get(id: string): AttackObject | undefined {
    return this.byId.get(id);
  }

  getOfType<T extends AttackType>(type: T, id: string | undefined): ObjectOfType<T> | undefined {
    const object = id === undefined ? undefined : this.byId.get(id);
    return object?.type === type ? (object as ObjectOfType<T>) : undefined;
  }

  byAttack<T extends AttackType>(type: T, attackId: string): ObjectOfType<T> | undefined {
    return this.byTypeAndAttackId.get(`${type}/${attackId}`) as ObjectOfType<T> | undefined;
  }

  /** Relationships of a type leaving the object, each with the object at the other end, in id order. */
  from(id: string, type: RelationshipType): Related[] {
    return this.related(this.outgoing.get(id), type, 'target');
  }

  /** Relationships of a type arriving at the object, each with the object at the other end, in id order. */
  to(id: string, type: RelationshipType): Related[] {
    return this.related(this.incoming.get(id), type, 'source');
  }

  /** Active sub-techniques, in id order. */
  subtechniquesOf(techniqueId: string): Technique[] {
    return this.children.get(techniqueId) ?? [];
  }

  /** Active analytics with a log source from the data component, in id order. */
  analyticsUsing(dataComponentId: string): Analytic[] {
    return this.analyticsByDataComponent.get(dataComponentId) ?? [];
  }

  /** The object that a revoked object's URL should lead to (itself when not revoked). */
  replacementOf(object: AttackObject): AttackObject | undefined {
    return object.revokedBy ? this.byId.get(object.revokedBy) : undefined;
  }

  /** The revoked objects whose replacement is this object. */
  objectsReplacedBy(object: AttackObject): AttackObject[] {
    return this.replacedObjects.get(object.id) ?? [];
  }

  private related(list: Relationship[] | undefined, type: RelationshipType, end: 'source' | 'target'): Related[] {
    const related: Related[] = [];
    for (const relationship of list ?? []) {
      const other = relationship.type === type ? this.byId.get(relationship[end]) : undefined;
      if (other) related.push({ relationship, object: other });
    }
    return related;
  }
}

export interface Related {
  relationship: Relationship;
  object: AttackObject;
}

/** T1059 < T1059.001 < T1059.002 < T1060 < T1100; domains order objects with equal ids. */
export function byAttackId(a: AttackObject, b: AttackObject): number {
  return (
    compareKeys(attackIdSortKey(a.attackId), attackIdSortKey(b.attackId)) ||
    DOMAINS.indexOf(a.domains[0]!) - DOMAINS.indexOf(b.domains[0]!)
  );
}

const sortKeys = new Map<string, string>();

/** The id with its numbers zero-padded, so that plain string order is numeric order. */
export function attackIdSortKey(attackId: string): string {
  let key = sortKeys.get(attackId);
  if (key === undefined) {
    key = attackId.replace(/\d+/g, (digits) => digits.padStart(8, '0'));
    sortKeys.set(attackId, key);
  }
  return key;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
