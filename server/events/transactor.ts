import type { Kysely, Transaction } from 'kysely';
import type { DomainEvent, EventType } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import type { EventBus } from './event-bus';
import type { EventLog, NewEvent, StoredEvent } from './event-log';

export type RecordEvent = <T extends EventType>(next: NewEvent<T>) => Promise<DomainEvent>;

/**
 * Runs a state change: projections and their events are written in one transaction, and the events
 * are published only after it commits, so nobody is told of a change that is not durable.
 */
export class Transactor {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: EventLog,
    private readonly bus: EventBus,
  ) {}

  async run<R>(work: (tx: Transaction<Database>, record: RecordEvent) => Promise<R>): Promise<R> {
    const recorded: StoredEvent[] = [];
    const result = await this.db.transaction().execute(async (tx) => {
      const record: RecordEvent = async (next) => {
        const stored = await this.log.append(tx, next);
        recorded.push(stored);
        return stored.event;
      };
      return work(tx, record);
    });
    for (const stored of recorded) this.bus.publish(stored);
    return result;
  }
}
