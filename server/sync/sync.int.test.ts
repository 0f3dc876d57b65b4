import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../shared/schemas/team';
import type { User } from '../../shared/schemas/user';
import { startServer, type ServerHandle } from '../testing/server-process';
import { TEAM_INPUT, TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';

let server: ServerHandle;
let adminToken: string;
let wallToken: string;

beforeAll(async () => {
  server = await startServer();
  adminToken = await login(server.baseUrl, 'admin', server.adminPassword);
  dataOf(await httpClient(server.baseUrl, adminToken).post<User>('/api/users', { username: 'wall-a', displayName: '大屏A', role: 'wall', password: 'wall-password-1' }));
  wallToken = await login(server.baseUrl, 'wall-a', 'wall-password-1');
});
afterAll(async () => server?.dispose());

async function helloSnapshot(client: TestClient) {
  const res = await client.request('sync:hello', { lastSeq: null });
  if (!res.ok || res.data.mode !== 'snapshot') throw new Error(`expected a snapshot, got ${JSON.stringify(res)}`);
  return res.data.snapshot;
}

describe('live sync by seq', () => {
  it('pushes committed changes to a connected wall in seq order', async () => {
    const wall = new TestClient(server.baseUrl, wallToken);
    await wall.connected();
    const snapshot = await helloSnapshot(wall);
    const admin = httpClient(server.baseUrl, adminToken);
    const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '推送队' }));
    dataOf(await admin.post(`/api/teams/${team.id}/status`, { status: 'dispatched' }));
    await eventually(() => wall.events.length >= 2, 5_000, 'two pushes');
    expect(wall.events.map((e) => e.type)).toEqual(['team.created', 'team.status_changed']);
    expect(wall.events[0]!.seq).toBeGreaterThan(snapshot.seq);
    expect(wall.events[1]!.seq).toBeGreaterThan(wall.events[0]!.seq);
    wall.close();
  });

  it('gives a reconnecting client exactly the events it missed', async () => {
    const wall = new TestClient(server.baseUrl, wallToken);
    await wall.connected();
    const { seq } = await helloSnapshot(wall);
    wall.close();

    const admin = httpClient(server.baseUrl, adminToken);
    const created = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '断线期间' }));
    dataOf(await admin.post(`/api/teams/${created.id}/status`, { status: 'en_route' }));
    dataOf(await admin.post(`/api/teams/${created.id}/status`, { status: 'on_scene' }));
    dataOf(await admin.post('/api/users', { username: 'hidden-from-wall', displayName: 'x', role: 'commander', password: 'password-long-1' }));

    const back = new TestClient(server.baseUrl, wallToken);
    await back.connected();
    const res = await back.request('sync:hello', { lastSeq: seq });
    if (!res.ok || res.data.mode !== 'events') throw new Error(`expected events, got ${JSON.stringify(res)}`);
    const missed = res.data.events;
    expect(missed.map((e) => e.type)).toEqual(['team.created', 'team.status_changed', 'team.status_changed']);
    expect(missed.every((e) => e.seq > seq)).toBe(true);
    expect(missed.at(-1)).toMatchObject({ type: 'team.status_changed', payload: { team: { id: created.id, status: 'on_scene' }, from: 'en_route' } });
    back.close();
  });

  it('sends a fresh snapshot to a client from another database (seq ahead of the server)', async () => {
    const wall = new TestClient(server.baseUrl, wallToken);
    await wall.connected();
    const res = await wall.request('sync:hello', { lastSeq: 10_000_000 });
    expect(res.ok && res.data.mode).toBe('snapshot');
    wall.close();
  });

  it('shows a field tablet only its own team', async () => {
    const admin = httpClient(server.baseUrl, adminToken);
    const mine = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '我的队' }));
    const other = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '他队' }));
    dataOf(await admin.post('/api/users', { username: 'tablet-mine', displayName: '平板', role: 'field', teamId: mine.id, password: 'tablet-password-1' }));
    const tablet = new TestClient(server.baseUrl, await login(server.baseUrl, 'tablet-mine', 'tablet-password-1'));
    await tablet.connected();
    const snapshot = await helloSnapshot(tablet);
    expect(snapshot.teams.map((t) => t.id)).toEqual([mine.id]);
    expect(snapshot.alarms).toEqual([]);
    dataOf(await admin.post(`/api/teams/${other.id}/status`, { status: 'dispatched' }));
    dataOf(await admin.post(`/api/teams/${mine.id}/status`, { status: 'dispatched' }));
    await eventually(() => tablet.events.length >= 1, 5_000, 'own team push');
    await new Promise((r) => setTimeout(r, 300));
    expect(tablet.events.map((e) => e.type === 'team.status_changed' && e.payload.team.id)).toEqual([mine.id]);
    tablet.close();
  });
});

describe('restart with no loss', () => {
  it('keeps every acknowledged change and positions older than a second through SIGKILL', async () => {
    const admin = httpClient(server.baseUrl, adminToken);
    const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: '重启队' }));
    const device = dataOf(await admin.post<{ osmandId: string }>('/api/devices', { teamId: team.id, kind: 'osmand', name: '车载终端' }));
    const t = Date.now();
    const ingest = await fetch(`http://127.0.0.1:${server.osmandPort}/?id=${device.osmandId}&lat=29.45&lon=121.88&timestamp=${Math.floor(t / 1000)}`);
    expect(ingest.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_500));
    dataOf(await admin.post(`/api/teams/${team.id}/status`, { status: 'returning' }));
    const seqBefore = dataOf(await admin.get<{ seq: number }>('/health')).seq;

    await server.kill();
    await server.restart();

    const afterToken = await login(server.baseUrl, 'admin', server.adminPassword);
    const after = httpClient(server.baseUrl, afterToken);
    const teams = dataOf(await after.get<Team[]>('/api/teams'));
    expect(teams.find((x) => x.id === team.id)?.status).toBe('returning');
    const latest = dataOf(await after.get<Array<{ teamId: string; lat: number }>>('/api/positions/latest'));
    expect(latest.find((f) => f.teamId === team.id)).toMatchObject({ lat: 29.45 });
    const seqAfter = dataOf(await after.get<{ seq: number }>('/health')).seq;
    expect(seqAfter).toBe(seqBefore + 1); // the one new event is the admin's sign-in after the restart
    adminToken = afterToken;
  });
});
