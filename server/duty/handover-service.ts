import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { HandoverCreateSchema, LATE_HANDOVER_HOURS, type DutyShift, type Handover } from '../../shared/schemas/duty';
import type { Actor } from '../../shared/schemas/event';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/db-handle';
import type { Database } from '../db/schema';
import { conflict, forbidden, notFound } from '../errors';
import type { Transactor } from '../events/transactor';
import { listIncidents } from '../incidents/incident-store';
import { loadShift, shiftAt, shiftStartingFrom, toHandover } from './duty-store';

const LATE_HANDOVER_MS = LATE_HANDOVER_HOURS * 3_600_000;

/** 交接班: the outgoing leader writes a note (open incidents are listed by themselves); the incoming leader acknowledges. */
export class HandoverService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(limit = 50): Promise<Handover[]> {
    return (await this.db.selectFrom('duty_handovers').selectAll().orderBy('written_at', 'desc').limit(limit).execute()).map(toHandover);
  }

  async write(input: z.output<typeof HandoverCreateSchema>, principal: Principal, actor: Actor): Promise<Handover> {
    const { note } = input;
    return this.transactor.run(async (tx, record) => {
      const from = await this.outgoingShift(tx, principal.userId);
      const to = await shiftStartingFrom(tx, from.endsAt);
      if (!to) throw conflict('No next shift is on the roster to hand over to.');
      if (await tx.selectFrom('duty_handovers').select('id').where('from_shift_id', '=', from.id).executeTakeFirst()) throw conflict('This shift has already been handed over.');
      const openIncidents = (await listIncidents(tx, { openOnly: true })).map((i) => ({
        id: i.id,
        code: i.code,
        title: i.title,
        severity: i.severity,
        status: i.status,
        reportedAt: i.reportedAt,
        openReports: i.deadlines.filter((d) => d.state === 'open').length,
      }));
      const handover: Handover = { id: randomUUID(), fromShiftId: from.id, toShiftId: to.id, note, openIncidents, writtenBy: actor.name, writtenAt: this.now(), acknowledgedBy: null, acknowledgedAt: null };
      await tx
        .insertInto('duty_handovers')
        .values({ id: handover.id, from_shift_id: from.id, to_shift_id: to.id, note, open_incidents: JSON.stringify(openIncidents), written_by: actor.name, written_at: handover.writtenAt, acknowledged_by: null, acknowledged_at: null })
        .execute();
      await record({ type: 'duty.handover_written', actor, payload: { handover } });
      return handover;
    });
  }

  async acknowledge(id: string, principal: Principal, actor: Actor): Promise<Handover> {
    return this.transactor.run(async (tx, record) => {
      const row = await tx.selectFrom('duty_handovers').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('Handover');
      const incoming = await loadShift(tx, row.to_shift_id);
      if (incoming.leader.userId !== principal.userId) throw forbidden('Only the incoming shift leader acknowledges the handover.');
      if (row.acknowledged_at) throw conflict('The handover has already been acknowledged.');
      const handover = toHandover({ ...row, acknowledged_by: actor.name, acknowledged_at: this.now() });
      await tx.updateTable('duty_handovers').set({ acknowledged_by: handover.acknowledgedBy, acknowledged_at: handover.acknowledgedAt }).where('id', '=', id).execute();
      await record({ type: 'duty.handover_acknowledged', actor, payload: { handover } });
      return handover;
    });
  }

  /** The shift the user leads now, or led until shortly ago. */
  private async outgoingShift(db: Db, userId: string): Promise<DutyShift> {
    const now = this.clock();
    const current = await shiftAt(db, new Date(now).toISOString());
    if (current?.leader.userId === userId) return current;
    const recent = await db
      .selectFrom('duty_shifts')
      .select('id')
      .where('leader_user_id', '=', userId)
      .where('ends_at', '<=', new Date(now).toISOString())
      .where('ends_at', '>', new Date(now - LATE_HANDOVER_MS).toISOString())
      .orderBy('ends_at', 'desc')
      .executeTakeFirst();
    if (recent) return loadShift(db, recent.id);
    throw forbidden('Only the leader of the shift on watch writes its handover.');
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
