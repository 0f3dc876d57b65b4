import { OUTBOX_REQUESTS } from '@shared/protocol';
import type { OutboxItem } from './types';

/**
 * The stored outbox format. Items live in IndexedDB across client upgrades: a tablet offline through an
 * upgrade opens the new client with items the old one wrote, and must still deliver them.
 *
 * - 1: before formats were versioned (no `format` field); same fields as 2.
 * - 2: `format` on every item.
 *
 * A change to the item shape or to a queued request's payload raises the format and adds a step below
 * that turns the previous format into the new one; the server keeps accepting the old payloads for as long
 * as tablets may hold them (shared request schemas only ever gain optional fields).
 */
export const OUTBOX_FORMAT = 2;

const KINDS = new Set<string>(OUTBOX_REQUESTS);

/** One upgrade step per format: from format n to n + 1. */
const UPGRADES: Record<number, (item: Record<string, unknown>) => Record<string, unknown>> = {
  1: (item) => ({ ...item, format: 2 }),
};

/**
 * Brings a stored item to the current format, or says why it cannot be sent by this client: `newer` when a
 * later client wrote it (it stays stored for that client), `unreadable` when it is not an outbox item.
 */
export function upgradeStoredItem(stored: unknown): { item: OutboxItem; upgraded: boolean } | { skip: 'newer' | 'unreadable' } {
  if (!stored || typeof stored !== 'object') return { skip: 'unreadable' };
  let item = stored as Record<string, unknown>;
  const from = item.format === undefined ? 1 : item.format;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { skip: 'unreadable' };
  if (from > OUTBOX_FORMAT) return { skip: 'newer' };
  for (let format = from; format < OUTBOX_FORMAT; format++) item = UPGRADES[format]!(item);
  const readable = typeof item.id === 'string' && typeof item.owner === 'string' && typeof item.order === 'number' && typeof item.kind === 'string' && KINDS.has(item.kind) && typeof item.payload === 'object' && item.payload !== null;
  if (!readable) return { skip: 'unreadable' };
  return { item: item as unknown as OutboxItem, upgraded: from !== OUTBOX_FORMAT };
}
