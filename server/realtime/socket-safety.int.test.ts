import { readFileSync } from 'node:fs';
import os from 'node:os';
import { io, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../shared/schemas/team';
import type { User } from '../../shared/schemas/user';
import { startServer, type ServerHandle } from '../testing/server-process';
import { TEAM_INPUT, TestClient, dataOf, httpClient, login } from '../testing/int-support';
import { DEFAULT_REQUEST_LIMITS } from './request-gate';

/** This machine's first non-loopback IPv4: connecting to it makes us a remote client of the server. */
const lanAddress = Object.values(os.networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address ?? null;

const rssBytes = (pid: number | undefined) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
};

/** Connects a socket and says whether the server took it, or the code it refused it with. */
function connectOutcome(url: string, token: string, extra: Partial<ManagerOptions & SocketOptions> = {}): Promise<string> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true, rejectUnauthorized: false, ...extra });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve((error as Error & { data?: { code?: string } }).data?.code ?? error.message);
    });
  });
}

async function usersOn(server: ServerHandle): Promise<{ admin: string; wall: string; field: string; commander: string }> {
  const adminToken = await login(server.baseUrl, 'admin', server.adminPassword);
  const admin = httpClient(server.baseUrl, adminToken);
  const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: `安全测试队-${server.port}` }));
  const make = async (role: User['role']) => {
    dataOf(await admin.post<User>('/api/users', { username: `${role}-safety`, displayName: role, role, teamId: role === 'field' ? team.id : null, password: 'a-long-password-1' }));
    return login(server.baseUrl, `${role}-safety`, 'a-long-password-1');
  };
  return { admin: adminToken, wall: await make('wall'), field: await make('field'), commander: await make('commander') };
}

describe('a flood of resync requests from one signed-in screen', () => {
  let server: ServerHandle;
  let tokens: Awaited<ReturnType<typeof usersOn>>;
  beforeAll(async () => {
    server = await startServer({ env: { SEED: 'demo' } });
    tokens = await usersOn(server);
  });
  afterAll(async () => server?.dispose());

  it('answers 1,000 concurrent full resyncs from a wall with a few snapshots and cheap refusals; other screens keep working, memory stays bounded', async () => {
    const wall = new TestClient(server.baseUrl, tokens.wall);
    const commander = new TestClient(server.baseUrl, tokens.commander);
    await Promise.all([wall.connected(), commander.connected()]);
    const before = rssBytes(server.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(server.pid))), 25);

    const flood = Promise.all(Array.from({ length: 1_000 }, () => wall.rawRequest('sync:hello', { lastSeq: null }).catch(() => null)));
    // Meanwhile the admin writes and the desk resyncs: each answers within the client's usual 10 s ack timeout.
    const desk = httpClient(server.baseUrl, tokens.admin);
    const [created, deskSync] = await Promise.all([
      desk.post<Team>('/api/teams', { ...TEAM_INPUT, name: '洪水中新建的队' }),
      commander.request('sync:hello', { lastSeq: null }),
    ]);
    const answers = await flood;
    clearInterval(sampler);

    expect(created.status).toBe(200);
    expect(deskSync.ok && deskSync.data.mode).toBe('snapshot');
    const snapshots = answers.filter((a) => a?.ok).length;
    const limited = answers.filter((a) => a && !a.ok && a.error.code === 'RATE_LIMITED').length;
    expect(snapshots).toBeGreaterThanOrEqual(1);
    // Never more than the session's per-minute budget allows, however the 1,000 arrive against the in-flight slots.
    expect(snapshots).toBeLessThanOrEqual(DEFAULT_REQUEST_LIMITS.pointsPerMinute / DEFAULT_REQUEST_LIMITS.resyncCost);
    expect(snapshots + limited).toBe(1_000);
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
    // The flooding screen itself is fine once it asks politely again.
    const again = await wall.request('sync:hello', { lastSeq: null });
    expect(again.ok).toBe(true);
    wall.close();
    commander.close();
  });
});

describe.skipIf(lanAddress === null)('live connections over plain HTTP from another host', () => {
  let strict: ServerHandle;
  let lenient: ServerHandle;
  let strictTokens: Awaited<ReturnType<typeof usersOn>>;
  let lenientTokens: Awaited<ReturnType<typeof usersOn>>;
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([
      startServer({ env: { HOST: '0.0.0.0' } }),
      startServer({ env: { HOST: '0.0.0.0', PLAIN_HTTP_FIELD_SOCKETS: 'on', TRUSTED_PROXIES: '127.0.0.1' } }),
    ]);
    [strictTokens, lenientTokens] = await Promise.all([usersOn(strict), usersOn(lenient)]);
  });
  afterAll(async () => Promise.all([strict?.dispose(), lenient?.dispose()]));

  it('refuses every role over plain HTTP by default, and takes the same screens over HTTPS', async () => {
    const plain = `http://${lanAddress}:${strict.port}`;
    const tls = `https://${lanAddress}:${strict.port}`;
    expect(await connectOutcome(plain, strictTokens.wall)).toBe('HTTPS_REQUIRED');
    expect(await connectOutcome(plain, strictTokens.field)).toBe('HTTPS_REQUIRED');
    expect(await connectOutcome(plain, strictTokens.commander)).toBe('HTTPS_REQUIRED');
    // A header a client writes itself does not make plain HTTP secure.
    expect(await connectOutcome(plain, strictTokens.wall, { extraHeaders: { 'x-forwarded-proto': 'https' } })).toBe('HTTPS_REQUIRED');
    expect(await connectOutcome(tls, strictTokens.wall)).toBe('connected');
    expect(await connectOutcome(tls, strictTokens.field)).toBe('connected');
    // This machine itself stays on plain HTTP.
    expect(await connectOutcome(strict.baseUrl, strictTokens.wall)).toBe('connected');
  });

  it('lets only field tablets in over plain HTTP when PLAIN_HTTP_FIELD_SOCKETS=on', async () => {
    const plain = `http://${lanAddress}:${lenient.port}`;
    expect(await connectOutcome(plain, lenientTokens.field)).toBe('connected');
    expect(await connectOutcome(plain, lenientTokens.wall)).toBe('HTTPS_REQUIRED');
    expect(await connectOutcome(plain, lenientTokens.commander)).toBe('HTTPS_REQUIRED');
  });

  it('believes a configured TLS proxy about who the client is and whether it used TLS', async () => {
    const viaProxy = (proto: string) => ({ extraHeaders: { 'x-forwarded-for': '192.0.2.77', 'x-forwarded-proto': proto } });
    expect(await connectOutcome(lenient.baseUrl, lenientTokens.commander, viaProxy('https'))).toBe('connected');
    expect(await connectOutcome(lenient.baseUrl, lenientTokens.commander, viaProxy('http'))).toBe('HTTPS_REQUIRED');
  });
});
