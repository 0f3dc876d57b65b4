import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../shared/schemas/event';
import type { Team } from '../../shared/schemas/team';
import type { SessionInfo, User } from '../../shared/schemas/user';
import { startServer, type ServerHandle } from '../testing/server-process';
import { TEAM_INPUT, TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';

let server: ServerHandle;
let proxied: ServerHandle;
let admin: ReturnType<typeof httpClient>;
let team: Team;

const createUser = (username: string, role: User['role'] = 'commander', password = 'a-long-password-1') =>
  admin.post<User>('/api/users', { username, displayName: username, role, teamId: role === 'field' ? team.id : null, password });

const codeOf = (r: { body: { ok: boolean; error?: { code: string } } }) => (r.body.ok ? 'OK' : r.body.error?.code);
const tally = (codes: Array<string | undefined>) => codes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c ?? '?']: (acc[c ?? '?'] ?? 0) + 1 }), {});

beforeAll(async () => {
  [server, proxied] = await Promise.all([startServer(), startServer({ env: { TRUSTED_PROXIES: '127.0.0.1' } })]);
  admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
  team = dataOf(await admin.post<Team>('/api/teams', TEAM_INPUT));
});
afterAll(async () => {
  await Promise.all([server?.dispose(), proxied?.dispose()]);
});

describe('password guessing', () => {
  it('checks at most 5 of 200 guesses sent in parallel at one account; the rest are refused unchecked', async () => {
    dataOf(await createUser('target-1'));
    const audit = new TestClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
    await audit.connected();
    expect((await audit.request('sync:hello', { lastSeq: null })).ok).toBe(true);
    const anon = httpClient(server.baseUrl);
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => anon.post('/api/auth/login', { username: 'target-1', password: `guess-number-${i}` })));
    const codes = tally(answers.map(codeOf));
    expect(codes.INVALID_CREDENTIALS ?? 0).toBeLessThanOrEqual(5);
    expect((codes.INVALID_CREDENTIALS ?? 0) + (codes.LOGIN_THROTTLED ?? 0)).toBe(200);
    // The audit log shows the attack without growing by a row per refused guess.
    const failed = (reason: string) => audit.events.filter((e) => e.type === 'auth.login_failed' && e.payload.username === 'target-1' && e.payload.reason === reason).length;
    await eventually(() => failed('throttled') === 1, 10_000, 'the refusals audited');
    expect(failed('invalid_credentials')).toBe(codes.INVALID_CREDENTIALS);
    audit.close();
  });

  it('throttles the current-password check of a password change sent in parallel', async () => {
    dataOf(await createUser('changer-2'));
    const own = httpClient(server.baseUrl, await login(server.baseUrl, 'changer-2', 'a-long-password-1'));
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => own.post('/api/auth/password', { currentPassword: `guess-number-${i}`, newPassword: 'another-long-password-9' })));
    const codes = tally(answers.map(codeOf));
    expect(codes.INVALID_CREDENTIALS ?? 0).toBeLessThanOrEqual(5);
    expect(codes.LOGIN_THROTTLED).toBeGreaterThan(0);
  });

  it('answers sign-ins with Cache-Control: no-store, success or not', async () => {
    dataOf(await createUser('cache-3'));
    for (const password of ['a-long-password-1', 'wrong-password-0']) {
      const res = await fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cache-3', password }) });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('believes X-Forwarded-For only from a configured proxy: one client locked out, the next one behind the proxy not', async () => {
    const adminToken = await login(proxied.baseUrl, 'admin', proxied.adminPassword);
    const proxiedAdmin = httpClient(proxied.baseUrl, adminToken);
    const audit = new TestClient(proxied.baseUrl, adminToken);
    await audit.connected();
    expect((await audit.request('sync:hello', { lastSeq: null })).ok).toBe(true);
    dataOf(await proxiedAdmin.post('/api/users', { username: 'commander-9', displayName: '指挥长', role: 'commander', teamId: null, password: 'commander-password-1' }));
    // As a TLS-terminating proxy forwards: the client's address, and that it used HTTPS.
    const from = (ip: string) => ({ 'x-forwarded-for': ip, 'x-forwarded-proto': 'https' });
    const anon = httpClient(proxied.baseUrl);
    for (let i = 0; i < 6; i++) await anon.post('/api/auth/login', { username: 'commander-9', password: `stranger-${i}` }, from('203.0.113.50'));
    expect(codeOf(await anon.post('/api/auth/login', { username: 'commander-9', password: 'commander-password-1' }, from('203.0.113.50')))).toBe('LOGIN_THROTTLED');
    const commander = await anon.post<SessionInfo>('/api/auth/login', { username: 'commander-9', password: 'commander-password-1' }, from('10.20.0.7'));
    expect(codeOf(commander)).toBe('OK');
    const signedIn = (e: DomainEvent) => e.type === 'auth.login' && e.payload.username === 'commander-9';
    const recorded = await eventually(() => audit.events.find(signedIn), 10_000, 'the sign-in in the audit log');
    expect(recorded.type === 'auth.login' && recorded.payload.ip).toBe('10.20.0.7');
    audit.close();

    // The default server trusts no proxy: the same header from a client does not dodge its lock.
    dataOf(await createUser('commander-10', 'commander', 'commander-password-1'));
    const direct = httpClient(server.baseUrl);
    for (let i = 0; i < 6; i++) await direct.post('/api/auth/login', { username: 'commander-10', password: `stranger-${i}` });
    expect(codeOf(await direct.post('/api/auth/login', { username: 'commander-10', password: 'commander-password-1' }, from('10.20.0.8')))).toBe('LOGIN_THROTTLED');
  });
});

describe('password rules', () => {
  it('refuses common, blank and one-character passwords with WEAK_PASSWORD on create, reset and change', async () => {
    for (const password of ['1234567890', 'Password123', 'woaini1314', '          ', 'aaaaaaaaaaaa']) {
      expect(codeOf(await createUser(`weak-${password.trim().length}-${Math.random().toString(36).slice(2, 6)}`, 'commander', password))).toBe('WEAK_PASSWORD');
    }
    const user = dataOf(await createUser('rules-4'));
    expect(codeOf(await admin.patch(`/api/users/${user.id}`, { password: 'qwertyuiop' }))).toBe('WEAK_PASSWORD');
    const own = httpClient(server.baseUrl, await login(server.baseUrl, 'rules-4', 'a-long-password-1'));
    expect(codeOf(await own.post('/api/auth/password', { currentPassword: 'a-long-password-1', newPassword: '1qaz2wsx3edc' }))).toBe('WEAK_PASSWORD');
    await login(server.baseUrl, 'rules-4', 'a-long-password-1');
  });
});

describe('a password change ends the other sessions', () => {
  it('signs the user out everywhere else and cuts those sockets, keeping the screen that changed it', async () => {
    dataOf(await createUser('moving-5'));
    const [here, there] = [await login(server.baseUrl, 'moving-5', 'a-long-password-1'), await login(server.baseUrl, 'moving-5', 'a-long-password-1')];
    const [hereSocket, thereSocket] = [new TestClient(server.baseUrl, here), new TestClient(server.baseUrl, there)];
    await Promise.all([hereSocket.connected(), thereSocket.connected()]);
    dataOf(await httpClient(server.baseUrl, here).post('/api/auth/password', { currentPassword: 'a-long-password-1', newPassword: 'fresh-password-after-5' }));
    await eventually(() => thereSocket.ended === 'revoked' && !thereSocket.socket.connected, 10_000, 'the other socket cut');
    expect(codeOf(await httpClient(server.baseUrl, there).get('/api/auth/me'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await httpClient(server.baseUrl, here).get('/api/auth/me'))).toBe('OK');
    expect(hereSocket.socket.connected).toBe(true);
    hereSocket.close();
  });

  it('ends every session of a field tablet whose password an admin reset, sockets included', async () => {
    const tablet = dataOf(await createUser('tablet-6', 'field'));
    const token = await login(server.baseUrl, 'tablet-6', 'a-long-password-1');
    const socket = new TestClient(server.baseUrl, token);
    await socket.connected();
    dataOf(await admin.patch(`/api/users/${tablet.id}`, { password: 'reset-by-admin-6' }));
    await eventually(() => socket.ended === 'revoked' && !socket.socket.connected, 10_000, 'the tablet socket cut');
    expect(codeOf(await httpClient(server.baseUrl, token).get('/api/auth/me'))).toBe('UNAUTHENTICATED');
    await login(server.baseUrl, 'tablet-6', 'reset-by-admin-6');
  });
});
