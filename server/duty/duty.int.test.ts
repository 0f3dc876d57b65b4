import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DutyLogEntry, DutyMember, DutyShift, Handover, OnWatch } from '../../shared/schemas/duty';
import type { User } from '../../shared/schemas/user';
import { startServer, type ServerHandle } from '../testing/server-process';
import { signInEveryRole, statusByRole, type SignedIn } from '../testing/overview-support';
import { dataOf, httpClient, login } from '../testing/int-support';

const H = 3_600_000;
let server: ServerHandle;
let as: SignedIn;
let ids: Record<'duty' | 'commander' | 'night', string>;
let night: ReturnType<typeof httpClient>;

beforeAll(async () => {
  server = await startServer();
  as = await signInEveryRole(server);
  const users = dataOf(await as.http.admin.get<User[]>('/api/users'));
  const nightUser = dataOf(await as.http.admin.post<User>('/api/users', { username: 'night-lead', displayName: '夜班带班', role: 'duty_officer', password: 'long-enough-password' }));
  night = httpClient(server.baseUrl, await login(server.baseUrl, 'night-lead', 'long-enough-password'));
  const idOf = (username: string) => users.find((u) => u.username === username)!.id;
  ids = { duty: idOf(as.users.duty.username), commander: idOf(as.users.commander.username), night: nightUser.id };
});
afterAll(async () => server?.dispose());

describe('duty watch', () => {
  it('keeps the roster for admins and commanders, and tells every screen who is on watch', async () => {
    const start = Date.now() - H;
    const shift = { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * H).toISOString(), leaderUserId: ids.duty, officerUserIds: [ids.commander] };
    expect(await statusByRole(as, (http) => http.post('/api/duty/shifts', shift), ['duty', 'wall', 'field', 'commander'])).toEqual({ duty: 403, wall: 403, field: 403, commander: 200 });
    expect((await as.http.admin.post('/api/duty/shifts', shift)).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const next = dataOf(await as.http.admin.post<DutyShift>('/api/duty/shifts', { ...shift, startsAt: shift.endsAt, endsAt: new Date(start + 14 * H).toISOString(), leaderUserId: ids.night, officerUserIds: [] }));
    expect(await statusByRole(as, (http) => http.get('/api/duty/now'))).toEqual({ admin: 200, commander: 200, duty: 200, wall: 200, field: 200 });
    const now = dataOf(await as.http.field.get<OnWatch>('/api/duty/now'));
    expect(now).toMatchObject({ shift: { leader: { name: '值班员甲' }, officers: [{ name: '值班指挥长' }] }, next: { id: next.id, leader: { name: '夜班带班' } } });
    expect(await statusByRole(as, (http) => http.get('/api/duty/shifts'))).toEqual({ admin: 200, commander: 200, duty: 200, wall: 200, field: 403 });
    expect(await statusByRole(as, (http) => http.patch(`/api/duty/shifts/${next.id}`, { note: '加强值守' }), ['duty', 'wall', 'field', 'admin'])).toEqual({ duty: 403, wall: 403, field: 403, admin: 200 });
    const spare = dataOf(await as.http.commander.post<DutyShift>('/api/duty/shifts', { ...shift, startsAt: new Date(start + 30 * H).toISOString(), endsAt: new Date(start + 31 * H).toISOString() }));
    expect(await statusByRole(as, (http) => http.delete(`/api/duty/shifts/${spare.id}`), ['duty', 'wall', 'field', 'commander'])).toEqual({ duty: 403, wall: 403, field: 403, commander: 200 });
  });

  it('tells the roster planners who may stand a watch', async () => {
    expect(await statusByRole(as, (http) => http.get('/api/duty/members'))).toEqual({ admin: 200, commander: 200, duty: 403, wall: 403, field: 403 });
    const members = dataOf(await as.http.commander.get<DutyMember[]>('/api/duty/members'));
    expect(members.map((m) => m.userId).sort()).toEqual([ids.duty, ids.commander, ids.night].sort());
    expect(members.find((m) => m.userId === ids.night)?.name).toBe('夜班带班');
  });

  it('hands over from the outgoing leader to the incoming one', async () => {
    dataOf(await as.http.duty.post('/api/incidents', { title: '丹城积水', type: 'waterlogging', severity: 'general', source: 'phone', township: '丹东街道' }));
    expect((await as.http.commander.post('/api/duty/handovers', { note: '交班' })).status).toBe(403);
    expect(await statusByRole(as, (http) => http.post('/api/duty/handovers', { note: '交班' }), ['admin', 'wall', 'field'])).toEqual({ admin: 403, wall: 403, field: 403 });
    const handover = dataOf(await as.http.duty.post<Handover>('/api/duty/handovers', { note: '丹城积水仍在处置。' }));
    expect(handover.openIncidents.map((i) => i.title)).toEqual(['丹城积水']);
    expect((await as.http.duty.post(`/api/duty/handovers/${handover.id}/acknowledge`, {})).status).toBe(403);
    expect(dataOf(await night.post<Handover>(`/api/duty/handovers/${handover.id}/acknowledge`, {}))).toMatchObject({ acknowledgedBy: '夜班带班' });
    expect(await statusByRole(as, (http) => http.get('/api/duty/handovers'))).toEqual({ admin: 200, commander: 200, duty: 200, wall: 200, field: 403 });
  });

  it('keeps the duty log for the duty desk', async () => {
    expect(await statusByRole(as, (http) => http.post('/api/duty/log', { kind: 'call_in', summary: '气象台：台风蓝色预警', counterpart: '县气象台' }))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
    expect((await as.http.duty.post('/api/duty/log', { kind: 'gossip', summary: 'x' })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const entries = dataOf(await as.http.wall.get<DutyLogEntry[]>('/api/duty/log'));
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.shiftId !== null && e.counterpart === '县气象台')).toBe(true);
    expect((await as.http.field.get('/api/duty/log')).status).toBe(403);
  });
});
