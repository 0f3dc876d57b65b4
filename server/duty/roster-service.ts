import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { DutyShiftCreateSchema, DutyShiftQuerySchema, DutyShiftUpdateSchema, dutyShiftSpanIsValid, type DutyMember, type DutyShift, type OnWatch } from '../../shared/schemas/duty';
import type { Actor } from '../../shared/schemas/event';
import type { Database } from '../db/schema';
import { DomainError, conflict } from '../errors';
import type { Transactor } from '../events/transactor';
import { loadShift, shiftAt, shiftStartingFrom, shiftsBetween } from './duty-store';

const DAY = 86_400_000;
/** Who may stand a watch: duty officers, and commanders as 带班领导. */
const WATCH_ROLES = ['duty_officer', 'commander'];

const iso = (instant: string) => new Date(Date.parse(instant)).toISOString();

/** The roster of shifts (值班表) and who is on watch now. Shifts never overlap. */
export class RosterService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transactor: Transactor,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Shifts overlapping the window (default: from a day ago to a week ahead). */
  list(query: z.output<typeof DutyShiftQuerySchema> = {}): Promise<DutyShift[]> {
    const { from, to } = query;
    const now = this.clock();
    return shiftsBetween(this.db, from ? iso(from) : new Date(now - DAY).toISOString(), to ? iso(to) : new Date(now + 7 * DAY).toISOString());
  }

  /** Who may be put on a shift: active duty officers and commanders, for the roster form. */
  async candidates(): Promise<DutyMember[]> {
    const users = await this.db.selectFrom('users').select(['id', 'display_name']).where('role', 'in', WATCH_ROLES).where('disabled', '=', 0).orderBy('display_name').execute();
    return users.map((u) => ({ userId: u.id, name: u.display_name }));
  }

  async onWatch(): Promise<OnWatch> {
    const at = new Date(this.clock()).toISOString();
    const shift = await shiftAt(this.db, at);
    return { at, shift, next: await shiftStartingFrom(this.db, shift ? shift.endsAt : at) };
  }

  async create(data: z.output<typeof DutyShiftCreateSchema>, actor: Actor): Promise<DutyShift> {
    return this.transactor.run(async (tx, record) => {
      const id = randomUUID();
      const row = { id, starts_at: iso(data.startsAt), ends_at: iso(data.endsAt), ...(await this.members(tx, data.leaderUserId, data.officerUserIds)), note: data.note, updated_at: this.now() };
      await this.refuseOverlap(tx, row.starts_at, row.ends_at, null);
      await tx.insertInto('duty_shifts').values(row).execute();
      const shift = await loadShift(tx, id);
      await record({ type: 'duty.shift_created', actor, payload: { shift } });
      return shift;
    });
  }

  async update(id: string, patch: z.output<typeof DutyShiftUpdateSchema>, actor: Actor): Promise<DutyShift> {
    return this.transactor.run(async (tx, record) => {
      const current = await loadShift(tx, id);
      const startsAt = iso(patch.startsAt ?? current.startsAt);
      const endsAt = iso(patch.endsAt ?? current.endsAt);
      if (!dutyShiftSpanIsValid({ startsAt, endsAt })) throw new DomainError('VALIDATION_FAILED', 'A shift ends after it starts and lasts at most 48 h.');
      await this.refuseOverlap(tx, startsAt, endsAt, id);
      const members = await this.members(tx, patch.leaderUserId ?? current.leader.userId, patch.officerUserIds ?? current.officers.map((o) => o.userId));
      await tx.updateTable('duty_shifts').set({ starts_at: startsAt, ends_at: endsAt, ...members, note: patch.note ?? current.note, updated_at: this.now() }).where('id', '=', id).execute();
      const shift = await loadShift(tx, id);
      await record({ type: 'duty.shift_updated', actor, payload: { shift } });
      return shift;
    });
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.transactor.run(async (tx, record) => {
      await loadShift(tx, id);
      const handover = await tx.selectFrom('duty_handovers').select('id').where((eb) => eb.or([eb('from_shift_id', '=', id), eb('to_shift_id', '=', id)])).executeTakeFirst();
      if (handover) throw conflict('The shift has a handover; it stays on the record.');
      await tx.deleteFrom('duty_shifts').where('id', '=', id).execute();
      await record({ type: 'duty.shift_deleted', actor, payload: { shiftId: id } });
    });
  }

  private async members(tx: Transaction<Database>, leaderUserId: string, officerUserIds: readonly string[]) {
    const officers = [...new Set(officerUserIds)].filter((id) => id !== leaderUserId);
    const ids = [leaderUserId, ...officers];
    const users = await tx.selectFrom('users').select(['id', 'role', 'disabled']).where('id', 'in', ids).execute();
    const bad = ids.filter((id) => !users.some((u) => u.id === id && u.disabled === 0 && WATCH_ROLES.includes(u.role)));
    if (bad.length > 0) throw new DomainError('VALIDATION_FAILED', 'Shift members must be active duty officers or commanders.', bad.map((id) => ({ path: 'userId', message: id })));
    return { leader_user_id: leaderUserId, officer_user_ids: JSON.stringify(officers) };
  }

  private async refuseOverlap(tx: Transaction<Database>, startsAt: string, endsAt: string, exceptId: string | null): Promise<void> {
    let query = tx.selectFrom('duty_shifts').select(['id', 'starts_at', 'ends_at']).where('starts_at', '<', endsAt).where('ends_at', '>', startsAt);
    if (exceptId) query = query.where('id', '!=', exceptId);
    const clash = await query.executeTakeFirst();
    if (clash) throw conflict('The shift overlaps another on the roster.', { shiftId: clash.id, startsAt: clash.starts_at, endsAt: clash.ends_at });
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
