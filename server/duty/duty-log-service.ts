import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { DutyLogCreateSchema, DutyLogQuerySchema, type DutyLogEntry } from '../../shared/schemas/duty';
import type { Actor } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import { DomainError } from '../errors';
import type { Transactor } from '../events/transactor';
import { loadIncident } from '../incidents/incident-store';
import { shiftAt, toDutyLogEntry } from './duty-store';

const DAY = 86_400_000;

/** 值班日志: calls taken and made and actions, each filed under the shift on watch when it happened. */
export class DutyLogService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Entries in a window (default: the last day), newest first. */
  async list(query: z.output<typeof DutyLogQuerySchema> = {}): Promise<DutyLogEntry[]> {
    const { from, to } = query;
    const now = this.clock();
    const rows = await this.db
      .selectFrom('duty_log')
      .selectAll()
      .where('at', '>=', new Date(from ? Date.parse(from) : now - DAY).toISOString())
      .where('at', '<=', new Date(to ? Date.parse(to) : now).toISOString())
      .orderBy('at', 'desc')
      .limit(1000)
      .execute();
    return rows.map(toDutyLogEntry);
  }

  async add(data: z.output<typeof DutyLogCreateSchema>, actor: Actor): Promise<DutyLogEntry> {
    const atMs = data.at ? Date.parse(data.at) : this.clock();
    if (atMs > this.clock() + 60_000) throw new DomainError('VALIDATION_FAILED', 'The time is in the future.');
    return this.transactor.run(async (tx, record) => {
      if (data.incidentId) await loadIncident(tx, data.incidentId);
      const at = new Date(atMs).toISOString();
      const shift = await shiftAt(tx, at);
      const entry: DutyLogEntry = { id: randomUUID(), at, kind: data.kind, summary: data.summary, counterpart: data.counterpart, phone: data.phone, incidentId: data.incidentId, shiftId: shift?.id ?? null, actorName: actor.name };
      await tx
        .insertInto('duty_log')
        .values({ id: entry.id, at, kind: entry.kind, summary: entry.summary, counterpart: entry.counterpart, phone: entry.phone, incident_id: entry.incidentId, shift_id: entry.shiftId, actor_id: actor.id, actor_name: actor.name })
        .execute();
      await record({ type: 'duty.log_added', actor, payload: { entry } });
      return entry;
    });
  }
}
