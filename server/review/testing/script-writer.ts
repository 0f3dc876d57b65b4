// Test and benchmark support: writes a scripted history into a store's event log, each event at its own time.
import type { Kysely } from 'kysely';
import { EVENT_PAYLOADS, SYSTEM_ACTOR, type Actor, type EventPayload, type EventType } from '../../../shared/schemas/event';
import type { Database } from '../../db/schema';
import { EventLog } from '../../events/event-log';

interface Scripted {
  at: number;
  order: number;
  type: EventType;
  actor: Actor;
  payload: unknown;
}

/** Collects events at chosen times; `write` appends them to the log in time order, each checked against its schema. */
export class ScriptWriter {
  private readonly events: Scripted[] = [];

  at<T extends EventType>(at: number, type: T, payload: EventPayload<T>, actor: Actor = SYSTEM_ACTOR): void {
    this.events.push({ at, order: this.events.length, type, actor, payload });
  }

  get size(): number {
    return this.events.length;
  }

  async write(db: Kysely<Database>, eventsPerTransaction = 500): Promise<void> {
    const sorted = [...this.events].sort((a, b) => a.at - b.at || a.order - b.order);
    let now = 0;
    const log = new EventLog(db, () => now);
    for (let i = 0; i < sorted.length; i += eventsPerTransaction) {
      await db.transaction().execute(async (tx) => {
        for (const e of sorted.slice(i, i + eventsPerTransaction)) {
          now = e.at;
          const payload = EVENT_PAYLOADS[e.type].parse(e.payload) as EventPayload<typeof e.type>;
          await log.append(tx, { type: e.type, actor: e.actor, payload });
        }
      });
    }
  }
}
