import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { backoffDelay, type BackoffRules } from '../../../shared/backoff';
import { SYSTEM_ACTOR } from '../../../shared/schemas/event';
import type { Delivery } from '../../../shared/schemas/warning';
import type { Database } from '../../db/schema';
import type { RecordEvent, Transactor } from '../../events/transactor';
import { toRecipient } from '../ack/recipient-store';
import type { DeliveryRow } from '../schema';
import type { Notifier } from './notifier';

export const toDelivery = (row: DeliveryRow): Delivery => ({
  id: row.id,
  warningId: row.warning_id,
  recipientId: row.recipient_id,
  channel: row.channel,
  state: row.state as Delivery['state'],
  attempts: row.attempts,
  lastError: row.last_error,
  text: row.text,
  to: row.to_address,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export interface DispatcherOptions {
  notifiers: Notifier[];
  /** Attempts before a message is given up (its recipient shows the failure; a personal SMS falls back to the outbox). */
  maxAttempts?: number;
  backoff?: BackoffRules;
  timeoutMs?: number;
  /** Messages sent at once, over all channels. */
  concurrency?: number;
  clock: () => number;
}

const CHUNK = 400;
const DEFAULT_BACKOFF: BackoffRules = { baseMs: 5_000, maxMs: 120_000, jitter: 0.2 };

type Outcome = { row: DeliveryRow; error: string | null };

/**
 * Sends what the fan-out queued: every due message through its channel, several at once, each channel on its
 * own (one that hangs or refuses never holds up the others or the warning). Failures are retried with the
 * shared backoff; the outcome of a pass is written in one transaction.
 */
export class DeliveryDispatcher {
  private readonly notifiers: Map<string, Notifier>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly options: DispatcherOptions,
  ) {
    this.notifiers = new Map(options.notifiers.map((n) => [n.channel, n]));
  }

  async list(warningId: string): Promise<Delivery[]> {
    return (await this.db.selectFrom('warning_deliveries').selectAll().where('warning_id', '=', warningId).orderBy('created_at').orderBy('channel').execute()).map(toDelivery);
  }

  /** One pass: sends every due message; answers how many were attempted. */
  async pass(): Promise<number> {
    const now = new Date(this.options.clock()).toISOString();
    const due = await this.db.selectFrom('warning_deliveries').selectAll().where('state', '=', 'pending').where('next_attempt_at', '<=', now).orderBy('created_at').limit(5_000).execute();
    if (due.length === 0) return 0;
    const outcomes: Outcome[] = [];
    const queue = [...due];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) outcomes.push({ row, error: await this.attempt(row) });
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? 32, due.length) }, worker));
    await this.record(outcomes);
    return due.length;
  }

  private async attempt(row: DeliveryRow): Promise<string | null> {
    const notifier = this.notifiers.get(row.channel);
    if (!notifier) return `the ${row.channel} channel is not configured`;
    const signal = AbortSignal.timeout(this.options.timeoutMs ?? 10_000);
    try {
      await notifier.send({ deliveryId: row.id, to: row.recipient_id ? row.to_address : '', text: row.text, mentions: row.recipient_id ? [] : row.to_address.split(',').filter(Boolean) }, signal);
      return null;
    } catch (err) {
      const message = err instanceof Error ? (err.name === 'TimeoutError' ? 'no answer within the timeout' : err.message) : String(err);
      return message.slice(0, 300) || 'failed';
    }
  }

  private async record(outcomes: Outcome[]): Promise<void> {
    const at = this.options.clock();
    const now = new Date(at).toISOString();
    const sent = outcomes.filter((o) => o.error === null).map((o) => o.row);
    await this.transactor.run(async (tx, record) => {
      for (let i = 0; i < sent.length; i += CHUNK) {
        const ids = sent.slice(i, i + CHUNK).map((row) => row.id);
        await tx.updateTable('warning_deliveries').set((eb) => ({ state: 'sent', attempts: eb('attempts', '+', 1), last_error: null, next_attempt_at: null, updated_at: now })).where('id', 'in', ids).execute();
      }
      const byWarning = new Map<string, string[]>();
      const subjectTypes = new Map(sent.map((row) => [row.warning_id, row.subject_type]));
      for (const row of sent) if (row.recipient_id) byWarning.set(row.warning_id, [...(byWarning.get(row.warning_id) ?? []), row.recipient_id]);
      for (const [warningId, recipientIds] of byWarning) {
        const subjectType = subjectTypes.get(warningId) === 'task' ? { subjectType: 'task' as const } : {};
        for (let i = 0; i < recipientIds.length; i += CHUNK) {
          const ids = recipientIds.slice(i, i + CHUNK);
          await tx.updateTable('warning_recipients').set({ state: 'sent' }).where('id', 'in', ids).where('state', '=', 'queued').execute();
          await tx.updateTable('warning_recipients').set({ sent_at: now }).where('id', 'in', ids).where('sent_at', 'is', null).execute();
        }
        await record({ type: 'warning.recipients_sent', actor: SYSTEM_ACTOR, payload: { warningId, ...subjectType, recipientIds, at: now } });
      }
      for (const { row, error } of outcomes) if (error !== null) await this.recordFailure(tx, record, row, error, at);
    });
  }

  private async recordFailure(tx: Transaction<Database>, record: RecordEvent, row: DeliveryRow, error: string, at: number): Promise<void> {
    const now = new Date(at).toISOString();
    const attempts = row.attempts + 1;
    const gaveUp = attempts >= (this.options.maxAttempts ?? 5);
    const state = gaveUp ? 'failed' : 'pending';
    const next = gaveUp ? null : new Date(at + backoffDelay(attempts - 1, this.options.backoff ?? DEFAULT_BACKOFF)).toISOString();
    await tx.updateTable('warning_deliveries').set({ state, attempts, last_error: error, next_attempt_at: next, updated_at: now }).where('id', '=', row.id).execute();
    if (gaveUp) await record({ type: 'warning.delivery_failed', actor: SYSTEM_ACTOR, payload: { delivery: toDelivery({ ...row, state, attempts, last_error: error, updated_at: now }) } });
    if (!row.recipient_id) return;
    const recipient = await tx.selectFrom('warning_recipients').selectAll().where('id', '=', row.recipient_id).executeTakeFirstOrThrow();
    const failures = [...(JSON.parse(recipient.failures) as Array<{ channel: string }>).filter((f) => f.channel !== row.channel), { channel: row.channel, error: `${error} (attempt ${attempts}${gaveUp ? ', given up' : ''})`, at: now }];
    await tx.updateTable('warning_recipients').set({ failures: JSON.stringify(failures) }).where('id', '=', recipient.id).execute();
    await record({ type: 'warning.recipient_changed', actor: SYSTEM_ACTOR, payload: { recipient: toRecipient({ ...recipient, failures: JSON.stringify(failures) }), cause: 'delivery_failed' } });
    // A personal message a gateway gave up on goes to the outbox, so the officer can still pass the link on.
    if (gaveUp && row.channel !== 'outbox') {
      await tx.insertInto('warning_deliveries').values({ ...row, id: `delivery-${randomUUID()}`, channel: 'outbox', state: 'pending', attempts: 0, last_error: null, next_attempt_at: now, created_at: now, updated_at: now }).execute();
    }
  }
}
