import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/enums';
import { TEAM_ROUTES } from '../../shared/routes/teams';
import type { Team } from '../../shared/schemas/team';
import type { Principal } from '../auth/principal';
import { contractRouter, type RouteInput } from './contract-router';
import { errorHandler } from './respond';

const principal = (role: Role, teamId: string | null = null): Principal => ({ userId: `u-${role}`, username: role, displayName: role, role, teamId, sessionId: 's', expiresAt: '2099-01-01T00:00:00.000Z' });
const sessions = { authenticate: async (token: string) => (token === 'nobody' ? null : principal(token as Role, token === 'field' ? 't1' : null)) };
const team: Team = { id: 't1', name: '一队', kind: 'township', leader: '甲', phone: '1', headcount: 3, capabilities: [], baseName: '站', base: { lat: 29.4, lon: 121.8 }, township: null, status: 'standby', updatedAt: '2026-01-01T00:00:00.000Z' };
const teamInput = { name: '二队', kind: 'township', leader: '乙', phone: '2', headcount: 4, capabilities: [], baseName: '站', base: { lat: 29.4, lon: 121.8 }, township: null };

const received: Array<RouteInput<typeof TEAM_ROUTES.create>> = [];
let server: http.Server;
let base: string;

const send = async (method: string, path: string, token: string | null, body?: unknown) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; details?: Array<{ path: string }> } } };
};

beforeAll(async () => {
  const router = contractRouter(sessions, TEAM_ROUTES, {
    list: () => [team],
    create: (input) => (received.push(input), { ...team, ...input.body, id: 't2' }),
    update: ({ params, body }) => ({ ...team, ...body, id: params.id }),
    remove: () => null,
    setStatus: ({ params, body }) => ({ ...team, id: params.id, status: body.status }),
  });
  server = http.createServer(express().use('/api', express.json(), router).use(errorHandler(pino({ level: 'silent' }))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => server.close());

describe('a router built from route contracts', () => {
  it('hands the handler the parsed body (defaults applied) and the caller, and answers in the envelope', async () => {
    const res = await send('POST', '/teams', 'admin', teamInput);
    expect(res).toMatchObject({ status: 200, body: { ok: true, data: { id: 't2', name: '二队' } } });
    expect(received.at(-1)).toMatchObject({ body: { ...teamInput, status: 'standby' }, principal: { role: 'admin' }, actor: { type: 'user', id: 'u-admin' } });
  });

  it('refuses a wrong body with VALIDATION_FAILED naming the field, before the handler runs', async () => {
    const before = received.length;
    const res = await send('POST', '/teams', 'admin', { ...teamInput, base: { lat: 'north', lon: 121.8 } });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_FAILED');
    expect(res.body.error?.details?.map((d) => d.path)).toContain('base.lat');
    expect(received).toHaveLength(before);
  });

  it('refuses a role the permission table does not list for the route with FORBIDDEN, and no session with UNAUTHENTICATED', async () => {
    const before = received.length;
    expect(await send('POST', '/teams', 'commander', teamInput)).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN' } } });
    expect(await send('POST', '/teams', 'wall', { nonsense: true })).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await send('POST', '/teams', 'nobody', teamInput)).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await send('POST', '/teams', null, teamInput)).toMatchObject({ status: 401 });
    expect(received).toHaveLength(before);
  });

  it('fills path params and lets every role in the row through', async () => {
    expect(await send('GET', '/teams', 'wall')).toMatchObject({ status: 200, body: { ok: true, data: [{ id: 't1' }] } });
    expect(await send('POST', '/teams/t%201/status', 'field', { status: 'off_duty' })).toMatchObject({ status: 200, body: { data: { id: 't 1', status: 'off_duty' } } });
    expect(await send('DELETE', '/teams/t1', 'admin')).toMatchObject({ status: 200, body: { ok: true, data: null } });
  });
});
