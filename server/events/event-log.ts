import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { type Actor, type Audience, type DomainEvent, type EventPayload, type EventType } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import type { EventRow } from './schema';
import { audienceFilter, audienceOf, type Viewer } from '../visibility/policy';

export interface NewEvent<T extends EventType = EventType> {
  type: T;
  actor: Actor;
  payload: EventPayload<T>;
}

export interface StoredEvent {
  event: DomainEvent;
  audience: Audience;
}

/**
 * The append-only log of state changes. `seq` comes from a counter row updated inside the append
 * transaction: the row lock serialises appenders, so seq order is commit order with no gaps
 * (a rolled-back transaction rolls its increment back too). With a `notifyChannel` (cluster mode, PostgreSQL)
 * each append also notifies its seq there, which PostgreSQL sends to the other instances once the append commits.
 */
export class EventLog {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: () => number = Date.now,
    private readonly notifyChannel: string | null = null,
  ) {}

  async append<T extends EventType>(tx: Transaction<Database>, next: NewEvent<T>): Promise<StoredEvent> {
    const counter = await tx
      .updateTable('event_counter')
      .set({ last_seq: sql`last_seq + 1` })
      .where('id', '=', 1)
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    const event = {
      seq: Number(counter.last_seq),
      at: new Date(this.clock()).toISOString(),
      type: next.type,
      actor: next.actor,
      payload: next.payload,
    } as DomainEvent;
    const audience = audienceOf(next.type, next.payload);
    await tx
      .insertInto('events')
      .values({
        seq: event.seq,
        at: event.at,
        type: event.type,
        actor: JSON.stringify(event.actor),
        payload: JSON.stringify(event.payload),
        audience,
      })
      .execute();
    if (this.notifyChannel) await sql`select pg_notify(${this.notifyChannel}, ${String(event.seq)})`.execute(tx);
    return { event, audience };
  }

  async currentSeq(db: Kysely<Database> | Transaction<Database> = this.db): Promise<number> {
    const row = await db.selectFrom('event_counter').select('last_seq').where('id', '=', 1).executeTakeFirstOrThrow();
    return Number(row.last_seq);
  }

  /** Events after `seq` (exclusive) that the viewer may see, oldest first, at most `limit`. */
  async readVisibleAfter(viewer: Viewer, seq: number, limit: number): Promise<DomainEvent[]> {
    let query = this.db.selectFrom('events').selectAll().where('seq', '>', seq);
    const filter = audienceFilter(viewer);
    if (filter.kind === 'only') query = filter.audiences.length > 0 ? query.where('audience', 'in', filter.audiences) : query.where(sql<boolean>`1 = 0`);
    else if (filter.kind === 'except' && filter.audiences.length > 0) query = query.where('audience', 'not in', filter.audiences);
    const rows = await query.orderBy('seq').limit(limit).execute();
    return rows.map(toDomainEvent);
  }

  /** Every event in a seq range (both ends inclusive), for gap filling and audit. */
  async readRange(fromSeq: number, toSeq: number): Promise<StoredEvent[]> {
    const rows = await this.db.selectFrom('events').selectAll().where('seq', '>=', fromSeq).where('seq', '<=', toSeq).orderBy('seq').execute();
    return rows.map((row) => ({ event: toDomainEvent(row), audience: row.audience as Audience }));
  }
}

function toDomainEvent(row: EventRow): DomainEvent {
  return {
    seq: Number(row.seq),
    at: row.at,
    type: row.type,
    actor: JSON.parse(row.actor),
    payload: JSON.parse(row.payload),
  } as DomainEvent;
}
