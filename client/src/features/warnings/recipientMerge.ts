import { RECIPIENT_STATES, type Recipient, type Warning } from '@shared/schemas/warning';

/** The later of two copies of a warning (by updatedAt); a late older event never undoes a newer one. */
export const newerWarning = (held: Warning | undefined, next: Warning): Warning => (held && held.updatedAt > next.updatedAt ? held : next);

/**
 * The later of two copies of a recipient: states only move forward (a late "sent" never hides 收到), and a
 * copy carrying more (a phone answer, more failures) wins a tie.
 */
export function laterRecipient(held: Recipient | undefined, next: Recipient): Recipient {
  if (!held) return next;
  const step = (r: Recipient) => RECIPIENT_STATES.indexOf(r.state);
  if (step(held) > step(next)) return { ...held, failures: next.failures.length > held.failures.length ? next.failures : held.failures };
  return { ...next, phoneAnswer: next.phoneAnswer ?? held.phoneAnswer, sentAt: next.sentAt ?? held.sentAt, openedAt: next.openedAt ?? held.openedAt };
}
