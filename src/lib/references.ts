/**
 * Numbered references for one page. Rich texts are rendered in the order they appear on the
 * page; each distinct source gets the next number the first time it is cited, and the page ends
 * with the list. Citations with no matching reference stay as plain text.
 */
import type { Reference, RichText } from '../model/attack.ts';
import { escapeHtml, renderRichText } from './rich-text.ts';

export interface NumberedReference extends Reference {
  number: number;
}

export class PageReferences {
  private readonly numbers = new Map<string, number>();
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
    let number = this.numbers.get(name);
    if (number === undefined) {
      const reference = references.find((candidate) => candidate.name === name);
      if (!reference) return escapeHtml(`(Citation: ${name})`);
      number = this.list.length + 1;
      this.numbers.set(name, number);
      this.list.push({ ...reference, number });
    }
    return `<sup class="cite"><a href="#ref-${number}" aria-label="Reference ${number}">[${number}]</a></sup>`;
  }
}
