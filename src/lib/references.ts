/**
 * Numbered references for one page. Rich texts are rendered in the order they appear on the
 * page; each distinct source gets the next number the first time it is cited, and the page ends
 * with the list. Citations with no matching reference stay as plain text.
 *
 * A reference's number changes when a release cites a new source earlier on the page; its anchor
 * does not: it is made from the source's name (`#ref-1a2b3c4d`), so a link to it stays right.
 */
import type { Reference, RichText } from '../model/attack.ts';
import { escapeHtml, renderRichText } from './rich-text.ts';
import { shortHash } from './slugs.ts';

export interface NumberedReference extends Reference {
  number: number;
  /** The id of its entry in the list, made from the source's name. */
  anchor: string;
  /** The ids of the citations of it, in page order: the reference list links back to each. */
  citedAt: string[];
}

/** The anchor of a source's reference on any page that cites it: `ref-` and a short hash of its name. */
export function referenceAnchor(name: string): string {
  return `ref-${shortHash(name)}`;
}

/** The id of the `nth` citation (from 1) of a reference: `ref-1a2b3c4d-cite-2`, which the reference list links back to. */
export function citationAnchor(reference: NumberedReference, nth: number): string {
  return `${reference.anchor}-cite-${nth}`;
}

export class PageReferences {
  private readonly cited = new Map<string, NumberedReference>();
  private readonly anchors = new Set<string>();
  readonly list: NumberedReference[] = [];
  private readonly base: string;

  constructor(base: string) {
    this.base = base;
  }

  /** HTML for a rich text whose citations resolve against `references` (its owner's). */
  render(text: RichText, references: Reference[]): string {
    return renderRichText(text, this.base, (name) => this.cite(name, references));
  }

  /** Only the citations of a rich text, numbered: a References cell for a relationship shown without its text. */
  citations(text: RichText, references: Reference[]): string {
    return text.flatMap((part) => (typeof part === 'object' && 'cite' in part ? [this.cite(part.cite, references)] : [])).join('');
  }

  private cite(name: string, references: Reference[]): string {
    let entry = this.cited.get(name);
    if (entry === undefined) {
      const reference = references.find((candidate) => candidate.name === name);
      if (!reference) return escapeHtml(`(Citation: ${name})`);
      entry = { ...reference, number: this.list.length + 1, anchor: this.freeAnchor(name), citedAt: [] };
      this.cited.set(name, entry);
      this.list.push(entry);
    }
    const id = citationAnchor(entry, entry.citedAt.length + 1);
    entry.citedAt.push(id);
    return `<sup class="cite" id="${id}"><a href="#${entry.anchor}" aria-label="Reference ${entry.number}">[${entry.number}]</a></sup>`;
  }

  /** The name's anchor; should two names of one page hash alike, the later one takes a suffix. */
  private freeAnchor(name: string): string {
    const anchor = referenceAnchor(name);
    let free = anchor;
    for (let suffix = 2; this.anchors.has(free); suffix++) free = `${anchor}-${suffix}`;
    this.anchors.add(free);
    return free;
  }
}
