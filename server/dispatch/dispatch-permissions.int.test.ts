import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/ack';
import type { Dispatch } from '../../shared/schemas/dispatch';
import { TestClient, dataOf, httpClient } from '../testing/int-support';
import { startServer, type ServerHandle } from '../testing/server-process';
import { createDispatch, currentSeq, setUpCounty, type County, type Http } from './int-support';

const WHO = ['admin', 'commander', 'duty_officer', 'field own team', 'field other team', 'wall'] as const;
type Who = (typeof WHO)[number];
const DESK: Who[] = ['admin', 'commander', 'duty_officer'];

interface Actor {
  http: Http;
  socket: TestClient;
}
interface Case {
  action: string;
  allowed: Who[];
  run(actor: Actor, dispatch: Dispatch): Promise<Ack<unknown>>;
}

let server: ServerHandle;
let county: County;
const actors = {} as Record<Who, Actor>;
const teamId = (n: number) => county.teams[n]!.id;
const body = async (call: Promise<{ body: Ack<unknown> }>) => (await call).body;

const CASES: Case[] = [
  { action: 'list dispatches', allowed: [...WHO], run: ({ http }) => body(http.get('/api/dispatches')) },
  { action: 'read a dispatch and its timeline', allowed: [...DESK, 'field own team', 'wall'], run: ({ http }, d) => body(http.get(`/api/dispatches/${d.id}`)) },
  { action: 'create', allowed: DESK, run: ({ http }) => body(http.post('/api/dispatches', { actionId: randomUUID(), teamIds: [teamId(0)], taskType: 'patrol', priority: 'routine', destination: { lat: 29.3, lon: 121.8, label: '巡查点' } })) },
  { action: 'record a step on behalf', allowed: DESK, run: ({ http }, d) => body(http.post(`/api/dispatches/${d.id}/steps`, { actionId: randomUUID(), teamId: teamId(0), to: 'accepted', channel: 'phone' })) },
  { action: 'cancel', allowed: DESK, run: ({ http }, d) => body(http.post(`/api/dispatches/${d.id}/cancel`, { actionId: randomUUID(), reason: '取消' })) },
  { action: 'reassign', allowed: DESK, run: ({ http }, d) => body(http.post(`/api/dispatches/${d.id}/reassign`, { actionId: randomUUID(), fromTeamId: teamId(0), toTeamIds: [teamId(2)], reason: '改派' })) },
  { action: 'suggest nearest teams', allowed: DESK, run: ({ http }) => body(http.get('/api/dispatches/suggestions?lat=29.4&lon=121.9')) },
  { action: 'resolve an SOS', allowed: DESK, run: ({ http }) => body(http.post(`/api/teams/${teamId(0)}/sos/resolve`, {})) },
  { action: 'confirm receipt (socket)', allowed: ['field own team'], run: ({ socket }, d) => socket.request('dispatch:received', { actionId: randomUUID(), dispatchId: d.id }) },
  { action: 'step (socket)', allowed: ['field own team'], run: ({ socket }, d) => socket.request('dispatch:step', { actionId: randomUUID(), dispatchId: d.id, to: 'accepted' }) },
  {
    action: 'SOS for its own team (socket)',
    allowed: ['field own team', 'field other team'],
    run: ({ socket }) => socket.request('field:sos', { actionId: randomUUID(), position: { lat: 29.44, lon: 121.87, t: Date.now() } }),
  },
];

beforeAll(async () => {
  server = await startServer();
  county = await setUpCounty(server, 3);
  const tokenOf: Record<Who, string> = {
    admin: county.tokens.admin!,
    commander: county.tokens.commander!,
    duty_officer: county.tokens.duty_officer!,
    'field own team': county.tokens['field-0']!,
    'field other team': county.tokens['field-1']!,
    wall: county.tokens.wall!,
  };
  for (const who of WHO) {
    const socket = new TestClient(server.baseUrl, tokenOf[who]);
    await socket.connected();
    actors[who] = { http: httpClient(server.baseUrl, tokenOf[who]), socket };
  }
});
afterAll(async () => {
  for (const actor of Object.values(actors)) actor.socket.close();
  await server?.dispose();
});

describe('dispatch permission matrix', () => {
  it.each(CASES)('$action: allowed for $allowed only; every refusal is FORBIDDEN and writes nothing', async ({ allowed, run }) => {
    for (const who of WHO) {
      const dispatch = await createDispatch(county.admin, [teamId(0)]);
      const before = await currentSeq(county.admin);
      const answer = await run(actors[who], dispatch);
      if (allowed.includes(who)) {
        expect({ who, ok: answer.ok, error: answer.ok ? null : answer.error }).toEqual({ who, ok: true, error: null });
      } else {
        expect({ who, answer }).toEqual({ who, answer: { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } } });
        expect({ who, seq: await currentSeq(county.admin) }).toEqual({ who, seq: before });
      }
    }
  });

  it('asks for a session on every dispatch route', async () => {
    const anonymous = httpClient(server.baseUrl);
    expect((await anonymous.get('/api/dispatches')).status).toBe(401);
    expect((await anonymous.post('/api/dispatches', {})).status).toBe(401);
  });

  it('lists for a field user only its own team’s dispatches, each with its own assignment', async () => {
    const shared = await createDispatch(county.admin, [teamId(0), teamId(1)]);
    const mineOnly = await createDispatch(county.admin, [teamId(0)]);
    const other = dataOf(await actors['field other team'].http.get<Dispatch[]>('/api/dispatches'));
    expect(other.some((d) => d.id === mineOnly.id)).toBe(false);
    expect(other.find((d) => d.id === shared.id)?.assignments.map((a) => a.teamId)).toEqual([teamId(1)]);
    const filtered = dataOf(await actors.commander.http.get<Dispatch[]>(`/api/dispatches?teamId=${teamId(1)}`));
    expect(filtered.every((d) => d.assignments.some((a) => a.teamId === teamId(1)))).toBe(true);
  });

  it('answers bad input with VALIDATION_FAILED and unknown teams with NOT_FOUND, writing nothing', async () => {
    const before = await currentSeq(county.admin);
    const bad = await county.desk.post('/api/dispatches', { actionId: 'not-a-uuid', teamIds: [], taskType: 'party' });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unknown = await county.desk.post('/api/dispatches', { actionId: randomUUID(), teamIds: ['no-such-team'], taskType: 'rescue', priority: 'flash', destination: { lat: 29.3, lon: 121.8, label: 'x' } });
    expect(unknown).toMatchObject({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND' } } });
    expect(await currentSeq(county.admin)).toBe(before);
  });
});
