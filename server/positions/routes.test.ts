import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/enums';
import type { Principal } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { errorHandler } from '../http/respond';
import { PositionHub } from './position-hub';
import { positionRoutes } from './routes';
import { fix, openTestServices, silentLogger, type TestServices } from './test-support';

const NOW = Date.now();
let services: TestServices;
let hub: PositionHub;
let server: http.Server;
let base: string;

const principal = (role: Role, teamId: string | null = null): Principal => ({ userId: `u-${role}`, username: role, displayName: role, role, teamId, sessionId: 's', expiresAt: new Date(NOW + 3_600_000).toISOString() });
const tokens: Record<string, Principal> = { wall: principal('wall'), field1: principal('field', 't1'), admin: principal('admin') };
const sessions = { authenticate: async (token: string) => tokens[token] ?? null } as unknown as SessionService;
const get = async (path: string, token: string) => {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string } } };
};

beforeAll(async () => {
  services = await openTestServices(() => NOW);
  for (const id of ['t1', 't2']) await services.addTeam(id);
  hub = new PositionHub({ db: services.store.db, clock: () => NOW, publish: () => {}, logger: silentLogger });
  hub.accept(fix('t1', NOW - 60_000));
  hub.accept(fix('t2', NOW - 30_000));
  await hub.flush();
  server = http.createServer(express().use('/api', positionRoutes(sessions, hub, services.teams, () => NOW)).use(errorHandler(silentLogger)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  server.close();
  await hub.close();
  await services.close();
});

describe('position routes', () => {
  it('gives the board every team’s latest fix and a field user only its own', async () => {
    expect(((await get('/positions/latest', 'wall')).body.data as unknown[]).length).toBe(2);
    expect((await get('/positions/latest', 'field1')).body.data).toEqual([expect.objectContaining({ teamId: 't1' })]);
    expect((await get('/positions/latest', 'nobody')).status).toBe(401);
  });

  it('serves trails to board roles within 1..180 minutes', async () => {
    expect((await get('/positions/trails?minutes=5', 'wall')).body.data).toEqual({ t1: [[121.87, 29.47, NOW - 60_000]], t2: [[121.87, 29.47, NOW - 30_000]] });
    expect((await get('/positions/trails?minutes=0', 'wall')).status).toBe(400);
    expect((await get('/positions/trails?minutes=181', 'wall')).status).toBe(400);
    expect((await get('/positions/trails', 'field1')).status).toBe(403);
  });

  it('serves a team’s track to the board and to that team only', async () => {
    expect(((await get('/teams/t2/track', 'admin')).body.data as unknown[]).length).toBe(1);
    expect(((await get('/teams/t1/track', 'field1')).body.data as unknown[]).length).toBe(1);
    expect((await get('/teams/t2/track', 'field1')).status).toBe(403);
    expect(((await get(`/teams/t1/track?from=${NOW - 10_000}&to=${NOW}`, 'wall')).body.data as unknown[]).length).toBe(0);
    expect((await get(`/teams/t1/track?from=${NOW}&to=${NOW - 1}`, 'wall')).status).toBe(400);
    expect((await get('/teams/t1/track?from=abc', 'wall')).status).toBe(400);
    expect((await get('/teams/nope/track', 'wall')).status).toBe(404);
  });
});
