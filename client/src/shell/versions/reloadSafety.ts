/**
 * Whether reloading now could lose something the user has on screen: an open form (any `<form>`, or an
 * element marked `data-open-form`) or a half-typed input. Unsent outbox items are checked by the caller.
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
