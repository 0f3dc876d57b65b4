import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AlarmKind, AlarmSeverity, AlarmSound } from '../../shared/enums';
import type { Alarm } from '../../shared/schemas/alarm';
import { SYSTEM_ACTOR, type Actor } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import type { AlarmRow } from './schema';
import { conflict, notFound } from '../errors';
import type { RecordEvent, Transactor } from '../events/transactor';

export interface AlarmRaise {
  kind: AlarmKind;
  severity: AlarmSeverity;
  sound: AlarmSound;
  sourceType: string;
  sourceId: string;
  params: Alarm['params'];
  /** 演练: about a drill's record; shown marked and kept out of the real figures. */
  exercise?: boolean;
}

const toAlarm = (row: AlarmRow): Alarm => ({
  id: row.id,
  kind: row.kind as Alarm['kind'],
  severity: row.severity as Alarm['severity'],
  sound: row.sound as Alarm['sound'],
  sourceType: row.source_type,
  sourceId: row.source_id,
  params: JSON.parse(row.params),
  state: row.state as Alarm['state'],
  raisedAt: row.raised_at,
  acknowledgedBy: row.acknowledged_by,
  acknowledgedAt: row.acknowledged_at,
  clearedAt: row.cleared_at,
  exercise: row.exercise === 1,
});

/**
 * Alarms go to the board; a team's SOS also goes to that team's tablets, so the rescuers see that the
 * command centre has it and who acknowledged it.
 */

/**
 * The one alarm entity every capability raises: raised → acknowledged (by whom) → cleared when the
 * condition resolves. At most one open alarm per kind and source, so raising again is a no-op.
 */
export class AlarmService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  async listOpen(db: Kysely<Database> | Transaction<Database> = this.db): Promise<Alarm[]> {
    const rows = await db.selectFrom('alarms').selectAll().where('state', '!=', 'cleared').orderBy('raised_at', 'desc').execute();
    return rows.map(toAlarm);
  }

  async findOpen(kind: AlarmKind, sourceId: string): Promise<Alarm | null> {
    const row = await this.db.selectFrom('alarms').selectAll().where('kind', '=', kind).where('source_id', '=', sourceId).where('state', '!=', 'cleared').executeTakeFirst();
    return row ? toAlarm(row) : null;
  }

  async raise(spec: AlarmRaise, actor: Actor = SYSTEM_ACTOR): Promise<Alarm> {
    return this.transactor.run((tx, record) => this.raiseWithin(tx, record, spec, actor));
  }

  /** Raises inside a caller's transaction, so the alarm commits (or not) with the change that caused it. */
  async raiseWithin(tx: Transaction<Database>, record: RecordEvent, spec: AlarmRaise, actor: Actor = SYSTEM_ACTOR): Promise<Alarm> {
    const open = await tx.selectFrom('alarms').selectAll().where('kind', '=', spec.kind).where('source_id', '=', spec.sourceId).where('state', '!=', 'cleared').executeTakeFirst();
    if (open) return toAlarm(open);
    const row: AlarmRow = {
      id: randomUUID(),
      kind: spec.kind,
      severity: spec.severity,
      sound: spec.sound,
      source_type: spec.sourceType,
      source_id: spec.sourceId,
      params: JSON.stringify(spec.params),
      state: 'raised',
      raised_at: this.now(),
      acknowledged_by: null,
      acknowledged_at: null,
      cleared_at: null,
      exercise: spec.exercise ? 1 : 0,
    };
    await tx.insertInto('alarms').values(row).execute();
    const alarm = toAlarm(row);
    await record({ type: 'alarm.raised', actor, payload: { alarm } });
    return alarm;
  }

  async acknowledge(alarmId: string, actor: Actor): Promise<Alarm> {
    return this.transactor.run(async (tx, record) => {
      const row = await tx.selectFrom('alarms').selectAll().where('id', '=', alarmId).executeTakeFirst();
      if (!row) throw notFound('Alarm');
      if (row.state === 'cleared') throw conflict('The alarm has already cleared.');
      if (row.state === 'acknowledged') return toAlarm(row);
      const next = { ...row, state: 'acknowledged', acknowledged_by: actor.name, acknowledged_at: this.now() };
      await tx.updateTable('alarms').set({ state: next.state, acknowledged_by: next.acknowledged_by, acknowledged_at: next.acknowledged_at }).where('id', '=', alarmId).execute();
      const alarm = toAlarm(next);
      await record({ type: 'alarm.acknowledged', actor, payload: { alarm } });
      return alarm;
    });
  }

  /** Clears the open alarm of this kind and source, if any: the condition has resolved. */
  async clear(kind: AlarmKind, sourceId: string, actor: Actor = SYSTEM_ACTOR): Promise<Alarm | null> {
    return this.transactor.run((tx, record) => this.clearWithin(tx, record, kind, sourceId, actor));
  }

  /** Clears inside a caller's transaction. */
  async clearWithin(tx: Transaction<Database>, record: RecordEvent, kind: AlarmKind, sourceId: string, actor: Actor = SYSTEM_ACTOR): Promise<Alarm | null> {
    const row = await tx.selectFrom('alarms').selectAll().where('kind', '=', kind).where('source_id', '=', sourceId).where('state', '!=', 'cleared').executeTakeFirst();
    if (!row) return null;
    const next = { ...row, state: 'cleared', cleared_at: this.now() };
    await tx.updateTable('alarms').set({ state: 'cleared', cleared_at: next.cleared_at }).where('id', '=', row.id).execute();
    const alarm = toAlarm(next);
    await record({ type: 'alarm.cleared', actor, payload: { alarm } });
    return alarm;
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
