/**
 * A small card shown beside a link while it is hovered or focused: a citation's reference
 * (src/scripts/citations.ts), a link's preview (src/scripts/link-previews.ts). As WCAG 1.4.13
 * asks, it stays while the pointer is on the link or on the card, closes when both are left (or
 * focus leaves both), and Escape dismisses it. It goes into the document right after its link, so
 * that Tab leads from the link into the card's own links and a screen reader reads it as the
 * link's description (aria-describedby); it is placed with fixed coordinates (CSSOM, which the
 * Content-Security-Policy allows: no style attribute is written), beside the link and never over
 * it, so that no scrolling table clips it and no click on the link is ever blocked.
 */
import { element } from './element.ts';

/** How long the pointer may travel between the link and the card before the card closes. */
const HIDE_DELAY = 250;
/** Room kept between the card, its link and the window's edges. */
const GAP = 6;

export interface HoverCardOptions {
  /** The card's id and class. */
  id: string;
  className: string;
  /** `tooltip` for a card without links of its own; none for one with links. */
  role?: 'tooltip';
}

export class HoverCard {
  readonly element: HTMLElement;
  private trigger: HTMLElement | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;

  constructor({ id, className, role }: HoverCardOptions) {
    // A span, so that the card may sit inside a paragraph, a table cell or a superscript.
    this.element = element('span', `hover-card ${className}`);
    this.element.id = id;
    if (role) this.element.setAttribute('role', role);
    this.element.addEventListener('pointerenter', () => this.cancelHide());
    this.element.addEventListener('pointerleave', () => this.hideSoon());
    this.element.addEventListener('focusout', (event) => this.focusLeft(event));
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.trigger) return;
      const focusInside = this.element.contains(document.activeElement);
      const trigger = this.trigger;
      this.hide();
      if (focusInside) trigger.focus();
    });
    addEventListener('scroll', () => this.place(), { passive: true, capture: true });
    addEventListener('resize', () => this.place(), { passive: true });
  }

  /** The link the card is shown for, if it is shown. */
  get shownFor(): HTMLElement | undefined {
    return this.trigger;
  }

  /** Shows the card for `trigger`, in the document after `after` (the trigger itself by default). */
  show(trigger: HTMLElement, content: Node[], after: Element = trigger): void {
    this.cancelHide();
    if (this.trigger !== trigger) this.hide();
    this.trigger = trigger;
    this.element.replaceChildren(...content);
    after.after(this.element);
    trigger.setAttribute('aria-describedby', this.element.id);
    this.place();
  }

  hide(): void {
    this.cancelHide();
    if (!this.trigger) return;
    this.trigger.removeAttribute('aria-describedby');
    this.trigger = undefined;
    this.element.remove();
  }

  /** Closes the card after a moment, unless the pointer reaches the card (or the link) first. */
  hideSoon(): void {
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY);
  }

  cancelHide(): void {
    clearTimeout(this.hideTimer);
  }

  /** Focus left the link or the card: the card closes unless focus went to the other. */
  focusLeft(event: FocusEvent): void {
    const to = event.relatedTarget;
    if (to instanceof Node && (this.element.contains(to) || to === this.trigger)) return;
    this.hide();
  }

  /** Under the link, or over it when there is no room below; within the window's width. */
  private place(): void {
    if (!this.trigger) return;
    const link = this.trigger.getBoundingClientRect();
    const card = this.element.getBoundingClientRect();
    const below = link.bottom + GAP;
    const top = below + card.height <= innerHeight - GAP || link.top - GAP - card.height < GAP ? below : link.top - GAP - card.height;
    const left = Math.max(GAP, Math.min(link.left, document.documentElement.clientWidth - card.width - GAP));
    this.element.style.top = `${Math.round(top)}px`;
    this.element.style.left = `${Math.round(left)}px`;
  }
}

/** What a page does with its triggers (citations, links) as the reader comes and goes. */
export interface TriggerHandlers {
  /** The mouse rested on a trigger, or focus reached it other than by a tap. */
  enter(trigger: HTMLElement): void;
  /** The pointer or focus left it. */
  leave(trigger: HTMLElement, event: PointerEvent | FocusEvent): void;
}

/**
 * Watches the whole document for the triggers `find` recognises (from the element an event is
 * on): a mouse or pen resting `delay` milliseconds on one, or focus reaching one. A finger does not
 * hover, and the focus a tap gives is not entered: the caller decides what a tap does (`tapped`).
 */
export function watchTriggers(find: (target: EventTarget | null) => HTMLElement | null, delay: number, { enter, leave }: TriggerHandlers) {
  let pending: ReturnType<typeof setTimeout> | undefined;
  let tapped = false;
  document.addEventListener('pointerdown', (event) => (tapped = event.pointerType === 'touch'), { capture: true, passive: true });
  document.addEventListener('keydown', () => (tapped = false), { capture: true, passive: true });
  document.addEventListener('pointerover', (event) => {
    const trigger = find(event.target);
    if (!trigger || event.pointerType === 'touch' || (event.relatedTarget instanceof Node && trigger.contains(event.relatedTarget))) return;
    clearTimeout(pending);
    pending = setTimeout(() => enter(trigger), delay);
  });
  document.addEventListener('pointerout', (event) => {
    const trigger = find(event.target);
    if (!trigger || (event.relatedTarget instanceof Node && trigger.contains(event.relatedTarget))) return;
    clearTimeout(pending);
    leave(trigger, event);
  });
  document.addEventListener('focusin', (event) => {
    const trigger = find(event.target);
    if (trigger && !tapped) enter(trigger);
  });
  document.addEventListener('focusout', (event) => {
    const trigger = find(event.target);
    if (trigger) leave(trigger, event);
  });
  return {
    /** Whether the last pointer that went down was a finger. */
    get tapped() {
      return tapped;
    },
  };
}
