import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/schemas/alarm';
import type { EvacuationTotals, Shelter, ShelterMovement, TownshipEvacuation } from '../../shared/schemas/shelter';
import { startServer, type ServerHandle } from '../testing/server-process';
import { signInEveryRole, statusByRole, type SignedIn } from '../testing/overview-support';
import { TestClient, dataOf, eventually } from '../testing/int-support';

let server: ServerHandle;
let as: SignedIn;

beforeAll(async () => {
  server = await startServer();
  as = await signInEveryRole(server);
});
afterAll(async () => server?.dispose());

const site = { name: '石浦镇中心小学', level: 'township', location: { lat: 29.215915, lon: 121.938392 }, capacity: 10, facilities: ['饮用水'] };

describe('shelters', () => {
  it('keeps the registry for admins and shows it to the board only', async () => {
    expect(await statusByRole(as, (http, role) => http.post('/api/shelters', { ...site, name: `${site.name}${role}` }))).toEqual({ admin: 200, commander: 403, duty: 403, wall: 403, field: 403 });
    expect(await statusByRole(as, (http) => http.get('/api/shelters'))).toEqual({ admin: 200, commander: 200, duty: 200, wall: 200, field: 403 });
    const [shelter] = dataOf(await as.http.wall.get<Shelter[]>('/api/shelters'));
    expect(shelter).toMatchObject({ township: '石浦镇', status: 'closed', occupancy: 0 });
    expect(await statusByRole(as, (http) => http.patch(`/api/shelters/${shelter!.id}`, { contactName: '王校长' }))).toEqual({ admin: 200, commander: 403, duty: 403, wall: 403, field: 403 });
    expect((await as.http.admin.post('/api/shelters', { ...site, capacity: 0 })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('opens, checks people in and out with 90 % and 100 % alarms on the wall, and refuses overfilling', async () => {
    const wall = new TestClient(server.baseUrl, as.tokens.wall);
    try {
      await wall.connected();
      await wall.request('sync:hello', { lastSeq: null });
      const shelter = dataOf(await as.http.admin.post<Shelter>('/api/shelters', { ...site, name: '金星学校', location: { lat: 29.177109, lon: 121.8468 } }));
      const base = `/api/shelters/${shelter.id}`;
      expect((await as.http.duty.post(`${base}/movements`, { kind: 'check_in', people: 1 })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(await statusByRole(as, (http) => http.post(`${base}/status`, { status: 'open' }))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
      expect(await statusByRole(as, (http) => http.post(`${base}/movements`, { kind: 'check_in', people: 4 }))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
      dataOf(await as.http.duty.post(`${base}/movements`, { kind: 'check_in', people: 1 }));
      await eventually(() => wall.events.some((e) => e.type === 'alarm.raised' && e.payload.alarm.kind === 'shelter_near_full' && e.payload.alarm.sourceId === shelter.id), 5_000, 'near full');
      const full = dataOf(await as.http.commander.post<Shelter>(`${base}/movements`, { kind: 'check_in', people: 1, note: '最后一户' }));
      expect(full).toMatchObject({ occupancy: 10, status: 'full' });
      await eventually(() => wall.events.some((e) => e.type === 'alarm.raised' && e.payload.alarm.kind === 'shelter_full' && e.payload.alarm.sourceId === shelter.id), 5_000, 'full');
      expect(await as.http.duty.post(`${base}/movements`, { kind: 'check_in', people: 1 })).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT', details: { free: 0 } } } });
      expect((await as.http.duty.post(`${base}/movements`, { kind: 'check_in', people: 0 })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      dataOf(await as.http.duty.post(`${base}/movements`, { kind: 'check_out', people: 10 }));
      const open = dataOf(await as.http.wall.get<Alarm[]>('/api/alarms'));
      expect(open.filter((a) => a.sourceId === shelter.id)).toEqual([]);
      expect(dataOf(await as.http.wall.get<ShelterMovement[]>(`${base}/movements`)).map((m) => m.kind)).toEqual(['check_out', 'check_in', 'check_in', 'check_in', 'check_in']);
      expect((await as.http.field.get(`${base}/movements`)).status).toBe(403);
      dataOf(await as.http.duty.post(`${base}/status`, { status: 'closed' }));
    } finally {
      wall.close();
    }
  });

  it('sums sheltered people and township counts of those with relatives', async () => {
    const shelter = dataOf(await as.http.admin.post<Shelter>('/api/shelters', { ...site, name: '旦门小学', location: { lat: 29.347776, lon: 121.911467 }, capacity: 150 }));
    dataOf(await as.http.duty.post(`/api/shelters/${shelter.id}/status`, { status: 'open' }));
    dataOf(await as.http.duty.post(`/api/shelters/${shelter.id}/movements`, { kind: 'check_in', people: 42 }));
    expect(await statusByRole(as, (http) => http.post('/api/evacuation/reports', { township: '东陈乡', withRelatives: 310 }))).toEqual({ admin: 403, commander: 200, duty: 200, wall: 403, field: 403 });
    expect((await as.http.duty.post('/api/evacuation/reports', { township: '火星', withRelatives: 1 })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await statusByRole(as, (http) => http.get('/api/evacuation'))).toEqual({ admin: 200, commander: 200, duty: 200, wall: 200, field: 403 });
    const totals = dataOf(await as.http.wall.get<EvacuationTotals>('/api/evacuation'));
    expect(totals.townships.find((t) => t.township === '东陈乡')).toMatchObject({ sheltered: 42, withRelatives: 310, evacuated: 352, sheltersOpen: 1 });
    expect(totals.county).toMatchObject({ sheltered: 42, withRelatives: 310, evacuated: 352 });
    expect(dataOf(await as.http.wall.get<TownshipEvacuation[]>('/api/evacuation/reports'))).toMatchObject([{ township: '东陈乡', withRelatives: 310, reportedBy: '值班员甲' }]);
  });
});
