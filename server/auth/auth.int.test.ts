import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/enums';
import type { Team } from '../../shared/schemas/team';
import type { User } from '../../shared/schemas/user';
import { startServer, type ServerHandle } from '../testing/server-process';
import { TEAM_INPUT, TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';

let server: ServerHandle;
let adminToken: string;
const tokens: Partial<Record<Role, string>> = {};
let team: Team;

beforeAll(async () => {
  server = await startServer();
  adminToken = await login(server.baseUrl, 'admin', server.adminPassword);
  tokens.admin = adminToken;
  const admin = httpClient(server.baseUrl, adminToken);
  team = dataOf(await admin.post<Team>('/api/teams', TEAM_INPUT));
  for (const role of ['commander', 'duty_officer', 'wall', 'field'] as const) {
    const username = `${role.replace('_', '-')}-1`;
    dataOf(await admin.post<User>('/api/users', { username, displayName: role, role, teamId: role === 'field' ? team.id : null, password: 'a-long-password-1' }));
    tokens[role] = await login(server.baseUrl, username, 'a-long-password-1');
  }
});
afterAll(async () => server?.dispose());

describe('sign-in', () => {
  it('answers a wrong password with INVALID_CREDENTIALS and no token', async () => {
    const res = await httpClient(server.baseUrl).post('/api/auth/login', { username: 'admin', password: 'not-the-password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: expect.any(String) } });
  });

  it('answers malformed bodies with VALIDATION_FAILED, never a crash or an internal message', async () => {
    const anon = httpClient(server.baseUrl);
    const notJson = await anon.post('/api/auth/login', '{"username": ', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const wrongShape = await anon.post('/api/auth/login', { username: 42 });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: expect.any(Array) } });
    expect((await anon.get('/health')).status).toBe(200);
  });

  it('throttles a guessing attack on one account', async () => {
    const anon = httpClient(server.baseUrl);
    dataOf(await httpClient(server.baseUrl, adminToken).post('/api/users', { username: 'victim', displayName: '受害者', role: 'duty_officer', password: 'the-right-password' }));
    for (let i = 0; i < 5; i++) expect((await anon.post('/api/auth/login', { username: 'victim', password: `guess-${i}` })).status).toBe(401);
    const blocked = await anon.post('/api/auth/login', { username: 'victim', password: 'the-right-password' });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ ok: false, error: { code: 'LOGIN_THROTTLED' } });
  });

  it('changes a password: the old one stops working', async () => {
    dataOf(await httpClient(server.baseUrl, adminToken).post('/api/users', { username: 'changer', displayName: '改密码', role: 'commander', password: 'first-password-1' }));
    const token = await login(server.baseUrl, 'changer', 'first-password-1');
    dataOf(await httpClient(server.baseUrl, token).post('/api/auth/password', { currentPassword: 'first-password-1', newPassword: 'second-password-2' }));
    expect((await httpClient(server.baseUrl).post('/api/auth/login', { username: 'changer', password: 'first-password-1' })).status).toBe(401);
    await login(server.baseUrl, 'changer', 'second-password-2');
  });

  it('records every sign-in in the event log', async () => {
    const admin = new TestClient(server.baseUrl, adminToken);
    await admin.connected();
    const hello = await admin.request('sync:hello', { lastSeq: 0 });
    admin.close();
    expect(hello.ok).toBe(true);
    if (!hello.ok || hello.data.mode !== 'events') throw new Error('expected events');
    const logins = hello.data.events.filter((e) => e.type === 'auth.login').map((e) => e.type === 'auth.login' && e.payload.username);
    expect(logins).toEqual(expect.arrayContaining(['admin', 'commander-1', 'duty-officer-1', 'wall-1', 'field-1']));
    expect(hello.data.events.some((e) => e.type === 'auth.login_failed')).toBe(true);
  });
});

describe('roles', () => {
  const cases: Array<{ method: 'get' | 'post' | 'put'; path: string; body?: unknown; allowed: Role[] }> = [
    { method: 'get', path: '/api/users', allowed: ['admin'] },
    { method: 'get', path: '/api/devices', allowed: ['admin'] },
    { method: 'post', path: '/api/teams', body: TEAM_INPUT, allowed: ['admin'] },
    { method: 'get', path: '/api/positions/latest', allowed: ['admin', 'commander', 'duty_officer', 'wall', 'field'] },
    { method: 'get', path: '/api/positions/trails?minutes=30', allowed: ['admin', 'commander', 'duty_officer', 'wall'] },
    { method: 'put', path: '/api/wall-layout', body: { layers: { teams: true, trails: false, labels: true, townships: true }, trailMinutes: 30 }, allowed: ['admin', 'commander', 'duty_officer'] },
    { method: 'get', path: '/api/alarms', allowed: ['admin', 'commander', 'duty_officer', 'wall'] },
  ];
  it.each(cases)('$method $path is allowed only for $allowed', async ({ method, path, body, allowed }) => {
    for (const role of ['admin', 'commander', 'duty_officer', 'wall', 'field'] as const) {
      const client = httpClient(server.baseUrl, tokens[role]);
      const res = method === 'get' ? await client.get(path) : method === 'post' ? await client.post(path, body) : await client.put(path, body);
      if (allowed.includes(role)) expect({ role, status: res.status }).toEqual({ role, status: 200 });
      else expect({ role, status: res.status, body: res.body }).toEqual({ role, status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } } });
    }
    expect((await httpClient(server.baseUrl).get(path)).status).toBe(401);
  });

  it('lets a field user set only its own team to standby or off duty', async () => {
    const field = httpClient(server.baseUrl, tokens.field);
    expect(dataOf(await field.post<Team>(`/api/teams/${team.id}/status`, { status: 'off_duty' })).status).toBe('off_duty');
    expect((await field.post(`/api/teams/${team.id}/status`, { status: 'on_scene' })).status).toBe(403);
    const other = dataOf(await httpClient(server.baseUrl, adminToken).post<Team>('/api/teams', { ...TEAM_INPUT, name: '别的队' }));
    expect((await field.post(`/api/teams/${other.id}/status`, { status: 'standby' })).status).toBe(403);
    expect((await field.post(`/api/teams/${team.id}/status`, { status: 'flying' })).body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('refuses socket requests a role may not make, with a typed error', async () => {
    const wall = new TestClient(server.baseUrl, tokens.wall!);
    await wall.connected();
    expect(await wall.request('alarm:acknowledge', { alarmId: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await wall.request('position:report', { lat: 29.4, lon: 121.8, t: Date.now() })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await wall.rawRequest('sync:hello', { lastSeq: 'yesterday' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    wall.close();
  });

  it('rejects a socket without a valid session', async () => {
    const stranger = new TestClient(server.baseUrl, 'not-a-token');
    await expect(stranger.connected()).rejects.toThrow(/UNAUTHENTICATED/);
    stranger.close();
  });
});

describe('revoking a lost tablet', () => {
  it('cuts off the session at once, open socket included', async () => {
    const admin = httpClient(server.baseUrl, adminToken);
    const users = dataOf(await admin.get<User[]>('/api/users'));
    const fieldUser = users.find((u) => u.username === 'field-1')!;
    const tabletToken = await login(server.baseUrl, 'field-1', 'a-long-password-1');
    const tablet = new TestClient(server.baseUrl, tabletToken);
    await tablet.connected();
    expect((await tablet.request('sync:hello', { lastSeq: null })).ok).toBe(true);
    const sessions = dataOf(await admin.get<Array<{ id: string; createdAt: string }>>(`/api/users/${fieldUser.id}/sessions`));
    const newest = sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
    dataOf(await admin.delete(`/api/sessions/${newest.id}`));
    await eventually(() => tablet.ended === 'revoked' && !tablet.socket.connected, 5_000, 'the tablet to be cut off');
    expect((await httpClient(server.baseUrl, tabletToken).get('/api/teams')).status).toBe(401);
    tablet.close();
  });
});
