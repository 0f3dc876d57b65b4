import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dispatch, DispatchStepRequest } from '../../shared/schemas/dispatch';
import type { Team } from '../../shared/schemas/team';
import { TestClient, dataOf, eventually } from '../testing/int-support';
import { startServer, type ServerHandle } from '../testing/server-process';
import { createDispatch, readEventLog, setUpCounty, stepsByAssignment, type County } from './int-support';

let server: ServerHandle;
let county: County;
let team: Team;

/** A tablet that records the pending dispatches the server pushes on connect. */
function connectTablet(token: string): { client: TestClient; pending: Dispatch[][] } {
  const client = new TestClient(server.baseUrl, token);
  const pending: Dispatch[][] = [];
  client.socket.on('dispatch:pending', ({ dispatches }) => pending.push(dispatches));
  return { client, pending };
}

beforeAll(async () => {
  server = await startServer();
  county = await setUpCounty(server, 1);
  team = county.teams[0]!;
});
afterAll(async () => server?.dispose());

describe('delivery to a tablet', () => {
  it('pushes a new dispatch to the team’s connected tablet at once', async () => {
    const { client } = connectTablet(county.tokens['field-0']!);
    await client.connected();
    await client.request('sync:hello', { lastSeq: null });
    const dispatch = await createDispatch(county.desk, [team.id]);
    const pushed = await eventually(() => client.events.find((e) => e.type === 'dispatch.assigned' && e.payload.dispatch.id === dispatch.id), 3_000, 'the dispatch push');
    expect(pushed.type === 'dispatch.assigned' && pushed.payload.dispatch.assignments).toEqual([expect.objectContaining({ teamId: team.id, state: 'created' })]);
    const received = await client.request('dispatch:received', { actionId: randomUUID(), dispatchId: dispatch.id });
    expect(received).toMatchObject({ ok: true, data: { assignments: [{ state: 'delivered', channel: 'tablet' }] } });
    dataOf(await county.desk.post(`/api/dispatches/${dispatch.id}/cancel`, { actionId: randomUUID(), reason: '测试结束' }));
    client.close();
  });

  it('reconciles a tablet that was offline while three dispatches came and it queued steps: in order, none twice', async () => {
    const seqBefore = dataOf(await county.admin.get<{ seq: number }>('/health')).seq;
    const sent = [
      await createDispatch(county.desk, [team.id], { priority: 'flash', taskType: 'rescue' }),
      await createDispatch(county.desk, [team.id], { priority: 'urgent', taskType: 'supply_run' }),
      await createDispatch(county.desk, [team.id], { priority: 'routine', taskType: 'patrol' }),
    ];
    const [d1, d2, d3] = sent.map((d) => d.id) as [string, string, string];

    const { client, pending } = connectTablet(county.tokens['field-0']!);
    await client.connected();
    const pushed = await eventually(() => pending[0], 3_000, 'the pending push on connect');
    expect(pushed.map((d) => [d.id, d.assignments[0]?.state, d.assignments[0]?.queued])).toEqual([
      [d1, 'created', false],
      [d2, 'created', true],
      [d3, 'created', true],
    ]);

    // What the tablet queued while offline, in the order the crew pressed the buttons.
    const received = sent.map((d) => ({ kind: 'received' as const, request: { actionId: randomUUID(), dispatchId: d.id } }));
    const step = (dispatchId: string, to: DispatchStepRequest['to'], reason?: string) => ({ kind: 'step' as const, request: { actionId: randomUUID(), dispatchId, to, ...(reason ? { reason } : {}) } });
    const queued = [...received, step(d1, 'accepted'), step(d2, 'accepted'), step(d1, 'en_route'), step(d1, 'on_scene'), step(d3, 'declined', '车辆故障'), step(d1, 'completed'), step(d2, 'en_route')];
    const send = (action: (typeof queued)[number]) =>
      action.kind === 'received' ? client.request('dispatch:received', action.request) : client.request('dispatch:step', action.request as DispatchStepRequest);

    const firstAnswers = [];
    for (const action of queued) firstAnswers.push(await send(action));
    expect(firstAnswers.filter((a) => !a.ok)).toEqual([]);
    // The connection dropped before some acks arrived: the tablet resends everything, and a few twice more.
    for (const action of queued) expect(await send(action)).toEqual(firstAnswers[queued.indexOf(action)]);
    for (const action of [queued[0]!, queued[5]!, queued[9]!]) expect(await send(action)).toEqual(firstAnswers[queued.indexOf(action)]);

    const events = readEventLog(server).filter((e) => e.seq > seqBefore);
    const steps = stepsByAssignment(events);
    expect(steps.get(`${d1}:${team.id}`)).toEqual(['delivered', 'accepted', 'en_route', 'on_scene', 'completed']);
    expect(steps.get(`${d2}:${team.id}`)).toEqual(['delivered', 'accepted', 'en_route']);
    expect(steps.get(`${d3}:${team.id}`)).toEqual(['delivered', 'declined']);
    const statuses = events.filter((e) => e.type === 'team.status_changed').map((e) => e.type === 'team.status_changed' && e.payload.team.status);
    expect(statuses).toEqual(['dispatched', 'en_route', 'on_scene', 'dispatched', 'en_route']);

    const detail = dataOf(await county.desk.get<{ timeline: Array<{ state: string }> }>(`/api/dispatches/${d1}`));
    expect(detail.timeline.map((s) => s.state)).toEqual(['created', 'delivered', 'accepted', 'en_route', 'on_scene', 'completed']);
    client.close();
  });

  it('re-pushes undelivered dispatches on every reconnect until a tablet confirms receipt', async () => {
    const dispatch = await createDispatch(county.desk, [team.id]);
    for (let attempt = 0; attempt < 2; attempt++) {
      const { client, pending } = connectTablet(county.tokens['field-0']!);
      const list = await eventually(() => pending[0], 3_000, 'the pending push');
      expect(list.find((d) => d.id === dispatch.id)?.assignments[0]?.state).toBe('created');
      client.close();
    }
    const { client, pending } = connectTablet(county.tokens['field-0']!);
    await eventually(() => pending[0], 3_000, 'the pending push');
    expect(await client.request('dispatch:received', { actionId: randomUUID(), dispatchId: dispatch.id })).toMatchObject({ ok: true });
    client.close();
    const { client: again, pending: later } = connectTablet(county.tokens['field-0']!);
    const list = await eventually(() => later[0], 3_000, 'the pending push');
    expect(list.find((d) => d.id === dispatch.id)?.assignments[0]?.state).toBe('delivered');
    again.close();
  });

  it('includes the team’s dispatches in a tablet’s snapshot', async () => {
    const { client } = connectTablet(county.tokens['field-0']!);
    await client.connected();
    const hello = await client.request('sync:hello', { lastSeq: null });
    if (!hello.ok || hello.data.mode !== 'snapshot') throw new Error('expected a snapshot');
    expect(hello.data.snapshot.dispatches.length).toBeGreaterThan(0);
    expect(hello.data.snapshot.dispatches.every((d) => d.assignments.every((a) => a.teamId === team.id))).toBe(true);
    client.close();
  });
});
