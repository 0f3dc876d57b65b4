import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import type { ProcessedActionRow } from '../dispatch/schema';
import { DomainError } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';

export interface ActionSpec<S extends z.ZodType> {
  actionId: string;
  userId: string;
  /** What the action does, e.g. `dispatch.create`; part of its identity. */
  kind: string;
  /** The request as parsed; a retry must carry the same one. */
  request: unknown;
  /** Schema of the answer, to read a stored answer back. */
  result: S;
}

type Work<T> = (tx: Transaction<Database>, record: RecordEvent) => Promise<T>;

/**
 * Exactly-once effect for client actions sent at least once. The action's effect, its events and a row
 * recording its answer commit in one transaction; a retry with the same id gets the stored answer and
 * changes nothing. A refused action writes nothing, so it may be retried.
 */
export class ActionLedger {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  async once<S extends z.ZodType>(spec: ActionSpec<S>, work: Work<z.output<S>>): Promise<z.output<S>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(spec, work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      }
    }
  }

  private async attempt<S extends z.ZodType>(spec: ActionSpec<S>, work: Work<z.output<S>>): Promise<z.output<S>> {
    const requestHash = hashRequest(spec.kind, spec.request);
    try {
      return await this.transactor.run(async (tx, record) => {
        // Every action appends events, which locks the counter row anyway; locking it first makes actions
        // queue up in one order on PostgreSQL (as SQLite's single writer does) instead of deadlocking on rows.
        await tx.updateTable('event_counter').set({ last_seq: sql`last_seq` }).where('id', '=', 1).execute();
        const prior = await this.find(tx, spec.actionId);
        if (prior) return this.replay(prior, spec, requestHash);
        const result = await work(tx, record);
        await tx
          .insertInto('processed_actions')
          .values({ action_id: spec.actionId, user_id: spec.userId, kind: spec.kind, request_hash: requestHash, result: JSON.stringify(result), created_at: new Date(this.clock()).toISOString() })
          .execute();
        return result;
      });
    } catch (error) {
      // Two copies of one action raced (PostgreSQL runs them side by side): the loser answers with the winner's result.
      if (error instanceof DomainError || isRetryable(error)) throw error;
      const prior = await this.find(this.db, spec.actionId).catch(() => undefined);
      if (prior) return this.replay(prior, spec, requestHash);
      throw error;
    }
  }

  private find(db: Kysely<Database> | Transaction<Database>, actionId: string): Promise<ProcessedActionRow | undefined> {
    return db.selectFrom('processed_actions').selectAll().where('action_id', '=', actionId).executeTakeFirst();
  }

  private replay<S extends z.ZodType>(prior: ProcessedActionRow, spec: ActionSpec<S>, requestHash: string): z.output<S> {
    if (prior.user_id !== spec.userId || prior.request_hash !== requestHash) {
      throw new DomainError('CONFLICT', 'This action id was already used for a different request.', { actionId: spec.actionId });
    }
    return spec.result.parse(JSON.parse(prior.result));
  }
}

const MAX_ATTEMPTS = 3;

/** PostgreSQL aborted the transaction to break a deadlock or a serialization conflict: running it again is safe. */
const isRetryable = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
};

function hashRequest(kind: string, request: unknown): string {
  return createHash('sha256').update(kind).update('\u0000').update(JSON.stringify(request)).digest('base64url');
}
