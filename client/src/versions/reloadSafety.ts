/**
 * Whether reloading now could lose something the user has on screen: an open form (any `<form>`, or an
 * element marked `data-open-form`) or a half-typed input. Unsent outbox items are checked by the caller.
 */
export function formOrInputOpen(doc: Document = document): boolean {
  if (doc.querySelector('form, [data-open-form]')) return true;
  const active = doc.activeElement as HTMLElement | null;
  if (active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return true;
  for (const el of doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (el instanceof HTMLInputElement && !TYPED_INPUTS.has(el.type)) continue;
    if (el.value !== el.defaultValue) return true;
  }
  return false;
}

const TYPED_INPUTS = new Set(['text', 'search', 'number', 'tel', 'email', 'url', 'password', 'date', 'time', 'datetime-local']);
