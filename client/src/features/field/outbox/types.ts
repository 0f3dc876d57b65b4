import type { OutboxRequestName } from '@shared/protocol';
import type { RequestOf } from '@shared/socket';

/** What a tablet queues: its dispatch actions, SOS, situation reports (灾情上报) and position reports. */
export type OutboxKind = OutboxRequestName;

/**
 * Kinds whose request has no `actionId`: position reports, which the server stores once per device and
 * fix time anyway. Every other kind gets the item's id as its `actionId`, so a resend applies once.
 */
export const KINDS_WITHOUT_ACTION_ID: ReadonlySet<OutboxKind> = new Set<OutboxKind>(['position:report']);

export interface OutboxFailure {
  code: string;
  message: string;
}

export interface OutboxItem<K extends OutboxKind = OutboxKind> {
  /** The stored format (see format.ts); items written before formats existed have none. */
  format: number;
  /** Client-generated id; for actions it is also the payload's `actionId`, which the server dedupes by. */
  id: string;
  /** The signed-in user the item belongs to: a different user on the same tablet never sends it. */
  owner: string;
  /** Local enqueue order; items go out in this order (urgent ones first). */
  order: number;
  kind: K;
  payload: RequestOf<K>;
  /** SOS: sent before anything else waiting. */
  urgent: boolean;
  /** Dedupe key: enqueueing again while one with the same key waits returns that one. */
  key: string | null;
  createdAt: number;
  attempts: number;
  lastError: string | null;
  /** The server refused it for good (the queue moves on; the page shows why). */
  failed: OutboxFailure | null;
  /** Positions: the time of the first fix merged into this item (offline positions are thinned). */
  coalesceFrom?: number;
}

/** Where items live between page loads: IndexedDB in the browser, a Map in tests. */
export interface OutboxBackend {
  /** Items as stored, possibly by an older or newer client: `Outbox.open` upgrades what it can read. */
  loadAll(owner: string): Promise<unknown[]>;
  put(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
}

/** `retryAfterMs`: the server throttled this tablet (WRITE_THROTTLED) and said when to try again. */
export type SendResult = { ok: true; data: unknown } | { ok: false; retry: boolean; code: string; message: string; retryAfterMs?: number };
export type Sender = (item: OutboxItem) => Promise<SendResult>;
