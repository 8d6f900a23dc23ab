/**
 * Numbered references for one page. Rich texts are rendered in the order they appear on the
 * page; each distinct source gets the next number the first time it is cited, and the page ends
 * with the list. Citations with no matching reference stay as plain text.
 */
import type { Reference, RichText } from '../model/attack.ts';
import { escapeHtml, renderRichText } from './rich-text.ts';

export interface NumberedReference extends Reference {
  number: number;
  /** The ids of the citations of it, in page order: the reference list links back to each. */
  citedAt: string[];
}

/**
 * The id of a reference in the page's list, which its citations link to (`#ref-3`). Each citation
 * is named after it (`ref-3-cite-2`, citationAnchor), so that the list links back to where it is cited.
 */
export function referenceAnchor(reference: NumberedReference): string {
  return `ref-${reference.number}`;
}

/** The id of the `nth` citation (from 1) of a reference. */
export function citationAnchor(reference: NumberedReference, nth: number): string {
  return `${referenceAnchor(reference)}-cite-${nth}`;
}

export class PageReferences {
  private readonly byName = new Map<string, NumberedReference>();
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
    let numbered = this.byName.get(name);
    if (!numbered) {
      const reference = references.find((candidate) => candidate.name === name);
      if (!reference) return escapeHtml(`(Citation: ${name})`);
      numbered = { ...reference, number: this.list.length + 1, citedAt: [] };
      this.byName.set(name, numbered);
      this.list.push(numbered);
    }
    const id = citationAnchor(numbered, numbered.citedAt.length + 1);
    numbered.citedAt.push(id);
    const { number } = numbered;
    return `<sup class="cite" id="${id}"><a href="#${referenceAnchor(numbered)}" aria-label="Reference ${number}">[${number}]</a></sup>`;
  }
}
