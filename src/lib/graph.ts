/**
 * The imported collections as one graph: objects by STIX id and by ATT&CK id, relationships by
 * either end. Built once per build; every page reads from it. Pure, so tests build it from the
 * importer's output directly.
 */
import { DOMAINS, type Analytic, type AttackObject, type DetectionStrategy, type Domain, type ObjectOf, type Relationship, type Technique } from '../model/attack.ts';
import { objectsOf, type ReleaseCollections } from '../model/collections.ts';
import { attackIdSortKey, compareAttackIds } from '../model/ids.ts';
import { ALL_KINDS, type Kind } from '../model/kinds.ts';
import { pushTo } from './lists-by-key.ts';

type RelationshipType = Relationship['type'];

export class AttackGraph {
  readonly collections: ReleaseCollections;
  private readonly byId = new Map<string, AttackObject>();
  private readonly byTypeAndAttackId = new Map<string, AttackObject>();
  private readonly outgoing = new Map<string, Relationship[]>();
  private readonly incoming = new Map<string, Relationship[]>();
  private readonly children = new Map<string, Technique[]>();
  private readonly activeLists = new Map<string, AttackObject[]>();
  private readonly analyticsByDataComponent = new Map<string, Analytic[]>();
  private readonly replacedObjects = new Map<string, AttackObject[]>();

  constructor(collections: ReleaseCollections) {
    this.collections = collections;
    for (const type of ALL_KINDS) {
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

  all<T extends Kind>(type: T): ObjectOf<T>[] {
    return objectsOf(this.collections, type);
  }

  /** Active objects of a type, in ATT&CK id order; `domain` keeps those of one domain. */
  active<T extends Kind>(type: T, domain?: Domain): ObjectOf<T>[] {
    const key = `${type}/${domain ?? ''}`;
    let list = this.activeLists.get(key);
    if (!list) {
      list = this.all(type)
        .filter((object) => object.status === 'active' && (!domain || object.domains.includes(domain)))
        .sort(byAttackId);
      this.activeLists.set(key, list);
    }
    return list as ObjectOf<T>[];
  }

  /** Domains that were loaded, in the usual order. */
  loadedDomains(): Domain[] {
    const loaded = new Set(this.collections.releases.map((release) => release.domain));
    return DOMAINS.filter((domain) => loaded.has(domain));
  }

  get(id: string): AttackObject | undefined {
    return this.byId.get(id);
  }

  getOfType<T extends Kind>(type: T, id: string | undefined): ObjectOf<T> | undefined {
    const object = id === undefined ? undefined : this.byId.get(id);
    return object?.type === type ? (object as ObjectOf<T>) : undefined;
  }

  byAttack<T extends Kind>(type: T, attackId: string): ObjectOf<T> | undefined {
    return this.byTypeAndAttackId.get(`${type}/${attackId}`) as ObjectOf<T> | undefined;
  }

  /** Relationships of a type leaving the object, each with the object at the other end, in id order. */
  from(id: string, type: RelationshipType): Related[] {
    return this.related(this.outgoing.get(id), type, 'target');
  }

  /** Relationships of a type arriving at the object, each with the object at the other end, in id order. */
  to(id: string, type: RelationshipType): Related[] {
    return this.related(this.incoming.get(id), type, 'source');
  }

  /**
   * What the campaigns attributed to a group use (techniques, software), each marked with its
   * campaign: the group's uses through them, as attack.mitre.org lists them on the group's page.
   */
  usesThroughCampaigns(groupId: string): Related[] {
    return this.to(groupId, 'attributed-to')
      .filter(({ object }) => object.type === 'campaign')
      .flatMap(({ object: campaign }) => this.from(campaign.id, 'uses').map((related) => ({ ...related, through: campaign })));
  }

  /** Active sub-techniques, in id order. */
  subtechniquesOf(techniqueId: string): Technique[] {
    return this.children.get(techniqueId) ?? [];
  }

  /** Active analytics with a log source from the data component, in id order. */
  analyticsUsing(dataComponentId: string): Analytic[] {
    return this.analyticsByDataComponent.get(dataComponentId) ?? [];
  }

  /** A detection strategy's active analytics, in the order it lists them. */
  activeAnalyticsOf(strategy: DetectionStrategy): Analytic[] {
    return strategy.analytics.map((id) => this.getOfType('analytic', id)).filter((analytic): analytic is Analytic => analytic?.status === 'active');
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
  /** For what a group does through a campaign attributed to it: the campaign. */
  through?: AttackObject;
}

/** T1059 < T1059.001 < T1059.002 < T1060 < T1100; domains order objects with equal ids. */
export function byAttackId(a: AttackObject, b: AttackObject): number {
  return compareAttackIds(a.attackId, b.attackId) || DOMAINS.indexOf(a.domains[0]!) - DOMAINS.indexOf(b.domains[0]!);
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
