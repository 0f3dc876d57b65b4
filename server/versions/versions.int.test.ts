import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_HEADER, PROTOCOL_VERSION, type ClientConfig } from '../../shared/protocol';
import type { Alarm } from '../../shared/schemas/alarm';
import type { DispatchDetail } from '../../shared/schemas/dispatch';
import type { Team } from '../../shared/schemas/team';
import { setUpCounty, type County } from '../dispatch/int-support';
import { TEAM_INPUT, TestClient, dataOf, httpClient } from '../testing/int-support';
import { REPO_ROOT, startServer, type ServerHandle } from '../testing/server-process';

// The county is set up by a server that takes every client, then the same store is served by one that
// takes new work only from protocol 2 on: the tablets and desks of "before the upgrade" are now too old.
let setup: ServerHandle;
let server: ServerHandle;
let county: County;
const clients: TestClient[] = [];

beforeAll(async () => {
  setup = await startServer();
  county = await setUpCounty(setup, 1);
  await setup.stop();
  server = await startServer({ dataDir: setup.dataDir, env: { MIN_CLIENT_PROTOCOL: '2' } });
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await server?.dispose();
  await setup?.dispose();
});

async function socketOf(account: string, protocol?: number): Promise<TestClient> {
  const client = new TestClient(server.baseUrl, county.tokens[account]!, protocol === undefined ? {} : { protocol });
  clients.push(client);
  await client.connected();
  return client;
}

const http = (account: string) => httpClient(server.baseUrl, county.tokens[account]);
const current = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) };

describe('versions', () => {
  it('GET /api/config names the build the server serves, when it was made, and the oldest protocol it takes new work from', async () => {
    const served = JSON.parse(readFileSync(path.join(REPO_ROOT, 'dist', 'client', 'build.json'), 'utf8')) as { buildId: string; builtAt: string };
    const config = dataOf(await httpClient(server.baseUrl).get<ClientConfig>('/api/config'));
    expect(config.version).toBe(served.buildId);
    expect(config.builtAt).toBe(served.builtAt);
    expect(Date.parse(config.builtAt!)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(config.minProtocol).toBe(2);
  });

  it('a tablet too old for new work still delivers its queued steps and SOS, once each', async () => {
    const team = county.teams[0]!;
    const dispatch = dataOf(await http('duty_officer').post<{ id: string }>('/api/dispatches', { actionId: randomUUID(), teamIds: [team.id], taskType: 'rescue', priority: 'urgent', destination: { lat: 29.44, lon: 121.87, label: '丹西' }, instructions: '转移' }, current));
    // What the old client queued while offline, sent by it after the upgrade (no protocol: before versions).
    const old = await socketOf('field-0');
    expect(await old.request('sync:hello', { lastSeq: null })).toMatchObject({ ok: true });
    const queued = { received: randomUUID(), accepted: randomUUID(), sos: randomUUID() };
    expect(await old.request('dispatch:received', { actionId: queued.received, dispatchId: dispatch.id })).toMatchObject({ ok: true });
    expect(await old.request('dispatch:step', { actionId: queued.accepted, dispatchId: dispatch.id, to: 'accepted' })).toMatchObject({ ok: true });
    const sos = { actionId: queued.sos, position: { lat: 29.2, lon: 121.95, t: Date.now() }, note: '' };
    expect(await old.request('field:sos', sos)).toMatchObject({ ok: true });
    expect(await old.request('position:report', { lat: 29.2, lon: 121.95, t: Date.now() })).toMatchObject({ ok: true });
    // A resend after a lost answer applies nothing twice.
    expect(await old.request('dispatch:step', { actionId: queued.accepted, dispatchId: dispatch.id, to: 'accepted' })).toMatchObject({ ok: true });
    expect(await old.request('field:sos', sos)).toMatchObject({ ok: true });

    const detail = dataOf(await http('duty_officer').get<DispatchDetail>(`/api/dispatches/${dispatch.id}`));
    expect(detail.timeline.map((s) => s.state)).toEqual(['created', 'delivered', 'accepted']);
    const alarms = dataOf(await http('duty_officer').get<Alarm[]>('/api/alarms')).filter((a) => a.kind === 'sos' && a.sourceId === team.id);
    expect(alarms).toHaveLength(1);
  });

  it('refuses new work from a too-old client with CLIENT_OUTDATED and writes nothing; a current client is served', async () => {
    const alarm = dataOf(await http('duty_officer').get<Alarm[]>('/api/alarms')).find((a) => a.kind === 'sos')!;
    const oldDesk = await socketOf('commander');
    expect(await oldDesk.request('alarm:acknowledge', { alarmId: alarm.id })).toMatchObject({ ok: false, error: { code: 'CLIENT_OUTDATED' } });
    const oldTablet = await socketOf('field-0', 1);
    expect(await oldTablet.request('video:join', {} as never)).toMatchObject({ ok: false, error: { code: 'CLIENT_OUTDATED' } });

    const teamsBefore = dataOf(await http('admin').get<Team[]>('/api/teams')).length;
    const refused = await http('admin').post('/api/teams', { ...TEAM_INPUT, name: '旧版本新建队' });
    expect(refused.status).toBe(426);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'CLIENT_OUTDATED' } });
    expect(dataOf(await http('admin').get<Team[]>('/api/teams'))).toHaveLength(teamsBefore);
    // Also the routes mounted outside the API router (photo uploads).
    expect((await http('commander').post('/api/incidents/any/attachments', { mime: 'image/jpeg', dataBase64: 'AAAA' })).body).toMatchObject({ ok: false, error: { code: 'CLIENT_OUTDATED' } });
    // Signing in stays open to every client: a tablet must be able to sign in again to drain its outbox.
    expect((await httpClient(server.baseUrl).post('/api/auth/login', { username: 'field-0', password: 'dispatch-password-1' })).status).toBe(200);

    const desk = await socketOf('commander', PROTOCOL_VERSION);
    expect(await desk.request('alarm:acknowledge', { alarmId: alarm.id })).toMatchObject({ ok: true, data: { id: alarm.id } });
    expect(dataOf(await http('admin').post<Team>('/api/teams', { ...TEAM_INPUT, name: '新版本新建队' }, current)).name).toBe('新版本新建队');
  });
});
