import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/enums';
import { defineRoute } from '../../shared/routes/route';
import type { Principal } from '../auth/principal';
import { contractRouter } from './contract-router';
import { errorHandler } from './respond';

const principal = (role: Role): Principal => ({ userId: `u-${role}`, username: role, displayName: role, role, teamId: null, sessionId: 's', expiresAt: '2099-01-01T00:00:00.000Z' });
const sessions = { authenticate: async (token: string) => (token === 'nobody' ? null : principal(token as Role)) };

/** A sign-in like route, and an upload like the CSV import: the two things JSON-only, signed-in contracts could not say. */
const ROUTES = {
  signIn: defineRoute({ method: 'POST', path: '/sign-in', body: z.object({ name: z.string().min(1) }).strict(), answer: z.object({ token: z.string() }), allow: 'public', noStore: true }),
  upload: defineRoute({
    method: 'POST',
    path: '/upload',
    body: z.custom<Uint8Array>((v) => v instanceof Uint8Array && v.length > 0, 'send the file itself'),
    answer: z.object({ bytes: z.number() }),
    allow: 'administer',
    raw: { types: ['text/csv'], limit: '1kb' },
  }),
};

let server: http.Server;
let base: string;
const clients: Array<string | null> = [];

beforeAll(async () => {
  const router = contractRouter(sessions, ROUTES, {
    signIn: ({ body, client }) => (clients.push(client.userAgent), { token: `t-${body.name}` }),
    upload: ({ body }) => ({ bytes: body.length }),
  });
  server = http.createServer(express().use('/api', express.json({ limit: '256kb' }), router).use(errorHandler(pino({ level: 'silent' }))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(() => server.close());

const post = (path: string, body: string, headers: Record<string, string>) => fetch(`${base}${path}`, { method: 'POST', headers, body });

describe('route contract options', () => {
  it('let a public route answer without a session, with who asked, and never cacheable, refusals included', async () => {
    const ok = await post('/sign-in', JSON.stringify({ name: 'a' }), { 'content-type': 'application/json', 'user-agent': 'tablet/1' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toEqual({ ok: true, data: { token: 't-a' } });
    expect(clients.at(-1)).toBe('tablet/1');
    const bad = await post('/sign-in', JSON.stringify({ name: '' }), { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });

  it('hand a raw-body route the bytes themselves, within its own limit, after the permission check', async () => {
    const csv = 'name\n一号库\n';
    const ok = await post('/upload', csv, { 'content-type': 'text/csv', authorization: 'Bearer admin' });
    expect(await ok.json()).toEqual({ ok: true, data: { bytes: Buffer.byteLength(csv) } });
    expect((await post('/upload', 'x'.repeat(2048), { 'content-type': 'text/csv', authorization: 'Bearer admin' })).status).toBe(413);
    expect((await post('/upload', '', { 'content-type': 'text/csv', authorization: 'Bearer admin' })).status).toBe(400);
    expect((await post('/upload', csv, { 'content-type': 'text/csv', authorization: 'Bearer commander' })).status).toBe(403);
    expect((await post('/upload', 'x'.repeat(2048), { 'content-type': 'text/csv', authorization: 'Bearer commander' })).status).toBe(403);
    expect((await post('/upload', 'x'.repeat(2048), { 'content-type': 'text/csv' })).status).toBe(401);
  });
});
