import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import type { User } from '../../shared/schemas/user';
import { actorOf, type Principal } from '../auth/principal';
import { UserService } from '../auth/user-service';
import { majorIncidentInput, openIncidentTestServices, type IncidentTestServices } from '../incidents/test-support';
import { DutyLogService } from './duty-log-service';
import { HandoverService } from './handover-service';
import { RosterService } from './roster-service';
import { parseInput } from '../validation';
import { DutyLogCreateSchema, DutyShiftCreateSchema } from '../../shared/schemas/duty';
import { IncidentCreateSchema } from '../../shared/schemas/incident';

const T0 = Date.UTC(2025, 8, 15, 0, 0, 0); // 08:00 Beijing time
const H = 3_600_000;
const at = (ms: number) => new Date(ms).toISOString();
let now: number;
let s: IncidentTestServices;
let roster: RosterService;
let handovers: HandoverService;
let log: DutyLogService;
let users: Record<'day' | 'night' | 'officer' | 'field', User>;

const principal = (user: User): Principal => ({ userId: user.id, username: user.username, displayName: user.displayName, role: user.role, teamId: user.teamId, sessionId: 's', expiresAt: at(T0 + 48 * H) });

beforeEach(async () => {
  now = T0 + H;
  s = await openIncidentTestServices(() => now);
  roster = new RosterService(s.store.db, s.transactor, () => now);
  handovers = new HandoverService(s.store.db, s.transactor, () => now);
  log = new DutyLogService(s.store.db, s.transactor, () => now);
  const accounts = new UserService(s.store.db, s.transactor);
  await s.addTeam('t1');
  const make = (username: string, displayName: string, role: User['role'], teamId: string | null = null) => accounts.create({ username, displayName, role, teamId, password: 'long-enough-password' }, SYSTEM_ACTOR);
  users = { day: await make('day', '白班带班张', 'duty_officer'), night: await make('night', '夜班带班李', 'commander'), officer: await make('officer', '值班员王', 'duty_officer'), field: await make('tab', '平板', 'field', 't1') };
});
afterEach(() => s.close());

const dayShift = () => ({ startsAt: at(T0), endsAt: at(T0 + 12 * H), leaderUserId: users.day.id, officerUserIds: [users.officer.id, users.day.id] });
const nightShift = () => ({ startsAt: '2025-09-15T20:00:00+08:00', endsAt: at(T0 + 24 * H), leaderUserId: users.night.id });

describe('the duty roster', () => {
  it('says who is on watch now and next, with names, and refuses overlaps and non-staff members', async () => {
    const day = await roster.create(parseInput(DutyShiftCreateSchema, dayShift()), SYSTEM_ACTOR);
    expect(day.officers.map((o) => o.name)).toEqual(['值班员王']);
    const night = await roster.create(parseInput(DutyShiftCreateSchema, nightShift()), SYSTEM_ACTOR);
    expect(night.startsAt).toBe(at(T0 + 12 * H));
    expect(await roster.onWatch()).toMatchObject({ shift: { id: day.id, leader: { name: '白班带班张' } }, next: { id: night.id, leader: { name: '夜班带班李' } } });
    now = T0 + 13 * H;
    expect(await roster.onWatch()).toMatchObject({ shift: { id: night.id }, next: null });
    await expect(async () => roster.create(parseInput(DutyShiftCreateSchema, { ...dayShift(), startsAt: at(T0 + 11 * H), endsAt: at(T0 + 13 * H) }), SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(async () => roster.create(parseInput(DutyShiftCreateSchema, { startsAt: at(T0 + 30 * H), endsAt: at(T0 + 31 * H), leaderUserId: users.field.id }), SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(async () => roster.create(parseInput(DutyShiftCreateSchema, { startsAt: at(T0 + 30 * H), endsAt: at(T0 + 29 * H), leaderUserId: users.day.id }), SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(roster.update(night.id, { startsAt: at(T0 + 11 * H) }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await roster.update(night.id, { note: '台风期间加强值守' }, SYSTEM_ACTOR)).note).toBe('台风期间加强值守');
    expect((await roster.list()).map((sh) => sh.id)).toEqual([day.id, night.id]);
  });

  it('hands over from the outgoing leader with the open incidents listed, acknowledged by the incoming leader only', async () => {
    const day = await roster.create(parseInput(DutyShiftCreateSchema, dayShift()), SYSTEM_ACTOR);
    const night = await roster.create(parseInput(DutyShiftCreateSchema, nightShift()), SYSTEM_ACTOR);
    const incident = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), actorOf(principal(users.officer)));
    const closed = await s.incidents.create(parseInput(IncidentCreateSchema, { ...majorIncidentInput, title: '已处置' }), actorOf(principal(users.officer)));
    await s.incidents.changeStatus(closed.id, { status: 'closed' }, actorOf(principal(users.officer)));
    now = T0 + 11.5 * H;
    await expect(handovers.write({ note: '交班' }, principal(users.officer), actorOf(principal(users.officer)))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const handover = await handovers.write({ note: '新华路积水仍在处置，书面报告未报。' }, principal(users.day), actorOf(principal(users.day)));
    expect(handover).toMatchObject({ fromShiftId: day.id, toShiftId: night.id, writtenBy: '白班带班张', acknowledgedAt: null });
    expect(handover.openIncidents).toEqual([expect.objectContaining({ id: incident.id, code: incident.code, openReports: 2 })]);
    await expect(handovers.write({ note: '再交一次' }, principal(users.day), actorOf(principal(users.day)))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(handovers.acknowledge(handover.id, principal(users.day), actorOf(principal(users.day)))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    now = T0 + 12.2 * H;
    const acknowledged = await handovers.acknowledge(handover.id, principal(users.night), actorOf(principal(users.night)));
    expect(acknowledged).toMatchObject({ acknowledgedBy: '夜班带班李', acknowledgedAt: at(now) });
    await expect(handovers.acknowledge(handover.id, principal(users.night), actorOf(principal(users.night)))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(roster.remove(day.id, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await handovers.list()).map((h) => h.id)).toEqual([handover.id]);
  });

  it('refuses a handover when no next shift is on the roster', async () => {
    await roster.create(parseInput(DutyShiftCreateSchema, dayShift()), SYSTEM_ACTOR);
    await expect(handovers.write({ note: '交班' }, principal(users.day), actorOf(principal(users.day)))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('files duty log entries under the shift on watch when they happened', async () => {
    const day = await roster.create(parseInput(DutyShiftCreateSchema, dayShift()), SYSTEM_ACTOR);
    const incident = await s.incidents.create(parseInput(IncidentCreateSchema, majorIncidentInput), SYSTEM_ACTOR);
    const call = await log.add({ kind: 'call_in', summary: '丹东街道报告新华路积水', counterpart: '丹东街道应急办', phone: '0574-65000000', incidentId: incident.id }, actorOf(principal(users.officer)));
    expect(call).toMatchObject({ shiftId: day.id, actorName: '值班员王', incidentId: incident.id });
    const early = await log.add(parseInput(DutyLogCreateSchema, { kind: 'action', summary: '通知水利局', at: at(T0 - H) }), actorOf(principal(users.officer)));
    expect(early.shiftId).toBeNull();
    await expect(async () => log.add(parseInput(DutyLogCreateSchema, { kind: 'note', summary: '未来', at: at(now + H) }), SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(async () => log.add(parseInput(DutyLogCreateSchema, { kind: 'note', summary: 'x', incidentId: 'nope' }), SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await log.list()).map((e) => e.kind)).toEqual(['call_in', 'action']);
  });
});
