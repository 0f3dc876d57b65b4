import { RECIPIENT_STATES, type Delivery, type Recipient, type RecipientState } from '@shared/schemas/warning';

/** Answered: 收到 or 已落实, by the link or by phone. */
export const hasAnswered = (r: Pick<Recipient, 'state'>): boolean => r.state === 'received' || r.state === 'done';

/** The steps a person's row shows, each with its time (null: not yet). */
export function stepTimes(r: Recipient): Array<{ step: RecipientState; at: string | null }> {
  const at: Record<RecipientState, string | null> = { queued: r.queuedAt, sent: r.sentAt, opened: r.openedAt, received: r.receivedAt, done: r.doneAt };
  return RECIPIENT_STATES.map((step) => ({ step, at: at[step] }));
}

export interface TownshipPeople {
  township: string;
  people: Recipient[];
}

/** The recipients by township (in the warning's order), the silent ones first within each, then by name. */
export function peopleByTownship(townships: readonly string[], recipients: readonly Recipient[]): TownshipPeople[] {
  const order = (a: Recipient, b: Recipient) => Number(hasAnswered(a)) - Number(hasAnswered(b)) || a.name.localeCompare(b.name, 'zh-CN');
  const known = new Set(townships);
  const extra = [...new Set(recipients.map((r) => r.township).filter((t) => !known.has(t)))];
  return [...townships, ...extra].map((township) => ({ township, people: recipients.filter((r) => r.township === township).sort(order) }));
}

/** The people to call: not answered yet (neither by the link nor by phone), those asked longest ago first. */
export function silentPeople(recipients: readonly Recipient[]): Recipient[] {
  return recipients.filter((r) => !hasAnswered(r)).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The channel that carries each person's message (the latest delivery for them), for the row. */
export function channelOf(recipientId: string, deliveries: readonly Delivery[]): Delivery | undefined {
  return deliveries.filter((d) => d.recipientId === recipientId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}

/** The outbox: the messages for the officer to pass on by hand (an SMS given up on lands here too), newest first. */
export function outboxMessages(deliveries: readonly Delivery[]): Delivery[] {
  return deliveries.filter((d) => d.channel === 'outbox').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The group channels' messages (DingTalk, webhook): one per warning, with their state. */
export const groupMessages = (deliveries: readonly Delivery[]): Delivery[] => deliveries.filter((d) => d.recipientId === null);
