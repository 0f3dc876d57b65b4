import type { DutyLogEntry, DutyMember, DutyShift, Handover } from '../../shared/schemas/duty';
import type { Db } from '../db/db-handle';
import type { DutyHandoverRow, DutyLogRow, DutyShiftRow } from './schema';
import { notFound } from '../errors';

/** Names of users by id, for showing shift members. */
async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export async function toShifts(db: Db, rows: DutyShiftRow[]): Promise<DutyShift[]> {
  const officerIds = rows.map((r) => JSON.parse(r.officer_user_ids) as string[]);
  const names = await namesOf(db, [...new Set([...rows.map((r) => r.leader_user_id), ...officerIds.flat()])]);
  const member = (userId: string): DutyMember => ({ userId, name: names.get(userId) ?? userId });
  return rows.map((row, i) => ({
    id: row.id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    leader: member(row.leader_user_id),
    officers: (officerIds[i] ?? []).map(member),
    note: row.note,
    updatedAt: row.updated_at,
  }));
}

export async function loadShift(db: Db, id: string): Promise<DutyShift> {
  const row = await db.selectFrom('duty_shifts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Shift');
  return (await toShifts(db, [row]))[0]!;
}

/** Shifts overlapping [from, to), earliest first. */
export async function shiftsBetween(db: Db, from: string, to: string): Promise<DutyShift[]> {
  const rows = await db.selectFrom('duty_shifts').selectAll().where('starts_at', '<', to).where('ends_at', '>', from).orderBy('starts_at').execute();
  return toShifts(db, rows);
}

/** The shift on watch at an instant, if any. */
export async function shiftAt(db: Db, at: string): Promise<DutyShift | null> {
  const row = await db.selectFrom('duty_shifts').selectAll().where('starts_at', '<=', at).where('ends_at', '>', at).executeTakeFirst();
  return row ? (await toShifts(db, [row]))[0]! : null;
}

/** The first shift starting at or after an instant. */
export async function shiftStartingFrom(db: Db, at: string): Promise<DutyShift | null> {
  const row = await db.selectFrom('duty_shifts').selectAll().where('starts_at', '>=', at).orderBy('starts_at').limit(1).executeTakeFirst();
  return row ? (await toShifts(db, [row]))[0]! : null;
}

export const toHandover = (row: DutyHandoverRow): Handover => ({
  id: row.id,
  fromShiftId: row.from_shift_id,
  toShiftId: row.to_shift_id,
  note: row.note,
  openIncidents: JSON.parse(row.open_incidents),
  writtenBy: row.written_by,
  writtenAt: row.written_at,
  acknowledgedBy: row.acknowledged_by,
  acknowledgedAt: row.acknowledged_at,
});

export const toDutyLogEntry = (row: DutyLogRow): DutyLogEntry => ({
  id: row.id,
  at: row.at,
  kind: row.kind as DutyLogEntry['kind'],
  summary: row.summary,
  counterpart: row.counterpart,
  phone: row.phone,
  incidentId: row.incident_id,
  shiftId: row.shift_id,
  actorName: row.actor_name,
});
