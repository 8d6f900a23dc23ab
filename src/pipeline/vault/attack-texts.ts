/**
 * What ATT&CK says about an object, in every loaded release, as plain texts: its description, its
 * detection text (releases before detection strategies), and each relationship it is in, with the
 * id and name of the object at the other end (the rows of its "Procedure Examples" and
 * "Mitigations" tables). Notes exported from ATT&CK copy these, often from an older release; the
 * team's notes on an ATT&CK page leave out what repeats them (notes.ts: teamContent).
 */
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { AttackObject, RichText } from '../../model/attack.ts';
import { ALL_KINDS, KINDS } from '../../model/kinds.ts';
import type { ReleaseCollections } from '../../model/collections.ts';
import { pushTo } from '../../lib/lists-by-key.ts';

interface ReleaseTexts {
  objects: Map<string, AttackObject>;
  relationships: Map<string, ReleaseCollections['relationships']>;
}

/** The texts of an object, by STIX id, across the releases (each release indexed on first use). */
export function attackTexts(releases: ReleaseCollections[]): (stixId: string) => string[] {
  const indexes = new Map<ReleaseCollections, ReleaseTexts>();
  const indexOf = (collections: ReleaseCollections) => {
    let index = indexes.get(collections);
    if (!index) {
      index = indexRelease(collections);
      indexes.set(collections, index);
    }
    return index;
  };
  return (stixId) =>
    releases.flatMap((collections) => {
      const { objects, relationships } = indexOf(collections);
      const object = objects.get(stixId);
      const own = object ? [object.description, 'legacyDetection' in object ? object.legacyDetection : []].map(plainText) : [];
      const related = (relationships.get(stixId) ?? []).map((relationship) => {
        const other = objects.get(relationship.source === stixId ? relationship.target : relationship.source);
        return `${other ? `${other.attackId} ${other.name} ` : ''}${relationship.descriptionText}`;
      });
      return [...own, ...related].filter(Boolean);
    });
}

function indexRelease(collections: ReleaseCollections): ReleaseTexts {
  const objects = new Map<string, AttackObject>();
  for (const kind of ALL_KINDS) for (const object of collections[KINDS[kind].collection] as AttackObject[]) objects.set(object.id, object);
  const relationships = new Map<string, ReleaseCollections['relationships']>();
  for (const relationship of collections.relationships) {
    pushTo(relationships, relationship.source, relationship);
    pushTo(relationships, relationship.target, relationship);
  }
  return { objects, relationships };
}

/** A rich text's words, without its markup and citations. */
function plainText(text: RichText): string {
  const html = text.filter((part) => typeof part === 'string').join('');
  return html ? hastToString(fromHtml(html, { fragment: true })) : '';
}
