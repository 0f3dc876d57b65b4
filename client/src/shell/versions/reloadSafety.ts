/** What the tablet's outbox holds, as the version watch sees it (the outbox store's fields). */
export interface OutboxView {
  pending: readonly unknown[];
  failed: readonly unknown[];
  /** False when the queue lives only in the page (no IndexedDB): a reload would drop it. */
  durable: boolean;
  /** The queue has been read: until then it may hold items a previous page left. */
  ready: boolean;
}

/**
 * Whether the outbox may hold something not yet delivered: a tablet with any is never reloaded by itself. Items
 * refused for good count only when the queue is not durable (a reload would drop them before anyone saw why);
 * on the field screen a queue not yet read counts too.
 */
export function outboxHoldsUnsent(outbox: OutboxView, onFieldScreen: boolean): boolean {
  if (outbox.pending.length > 0) return true;
  if (!outbox.durable && outbox.failed.length > 0) return true;
  return onFieldScreen && !outbox.ready;
}

/**
 * Whether reloading now could lose something the user has on screen: an open form (any `<form>`, or an
 * element marked `data-open-form`) or a half-typed input. Unsent outbox items: outboxHoldsUnsent.
 */
export function formOrInputOpen(doc: Document = document): boolean {
  if (doc.querySelector('form, [data-open-form]')) return true;
  const active = doc.activeElement as HTMLElement | null;
  if (active && (active.isContentEditable || isTyped(active))) return true;
  return [...doc.querySelectorAll<HTMLElement>('input, textarea')].some((el) => isTyped(el) && (el as HTMLInputElement).value !== (el as HTMLInputElement).defaultValue);
}

const TYPED_INPUTS = new Set(['text', 'search', 'number', 'tel', 'email', 'url', 'password', 'date', 'time', 'datetime-local']);

/** A text field (not a checkbox, button or file picker: a focused toggle holds nothing unsaved). */
const isTyped = (el: Element): boolean => el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && TYPED_INPUTS.has((el as HTMLInputElement).type));
