import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchDetail } from '../../shared/schemas/dispatch';
import type { SituationOverview } from '../../shared/schemas/overview';
import { TestClient, dataOf } from '../testing/int-support';
import { startServer, type ServerHandle } from '../testing/server-process';
import { createDispatch, setUpCounty, type County } from './int-support';

let server: ServerHandle;
let county: County;
let tablet: TestClient;

beforeAll(async () => {
  server = await startServer();
  county = await setUpCounty(server, 2);
  tablet = new TestClient(server.baseUrl, county.tokens['field-0']!);
  await tablet.connected();
});
afterAll(async () => {
  tablet?.close();
  await server?.dispose();
});

const step = (dispatchId: string, to: 'accepted' | 'en_route' | 'on_scene' | 'completed', outcome: unknown = null) =>
  tablet.request('dispatch:step', { actionId: randomUUID(), dispatchId, to, reason: null, outcome } as never);

describe('the outcome a team reports on completing', () => {
  it('is kept on the assignment as dispatch statistics, read back on the dispatch detail, and leaves the evacuation totals alone', async () => {
    const totalsBefore = dataOf(await county.desk.get<SituationOverview>('/api/board/summary')).evacuation.county;
    const dispatch = await createDispatch(county.desk, [county.teams[0]!.id, county.teams[1]!.id]);
    for (const to of ['accepted', 'en_route', 'on_scene'] as const) expect(await step(dispatch.id, to)).toMatchObject({ ok: true });
    const done = await step(dispatch.id, 'completed', { rescued: 3, evacuated: 27, note: '低洼小区二楼转移完毕' });
    expect(done).toMatchObject({ ok: true, data: { assignments: expect.arrayContaining([expect.objectContaining({ teamId: county.teams[0]!.id, state: 'completed', outcome: { rescued: 3, evacuated: 27, note: '低洼小区二楼转移完毕' } })]) } });

    // The desk records the other team's completion by phone, with its own outcome.
    dataOf(await county.desk.post(`/api/dispatches/${dispatch.id}/steps`, { actionId: randomUUID(), teamId: county.teams[1]!.id, to: 'accepted', channel: 'phone' }));
    dataOf(await county.desk.post(`/api/dispatches/${dispatch.id}/steps`, { actionId: randomUUID(), teamId: county.teams[1]!.id, to: 'en_route', channel: 'phone' }));
    dataOf(await county.desk.post(`/api/dispatches/${dispatch.id}/steps`, { actionId: randomUUID(), teamId: county.teams[1]!.id, to: 'on_scene', channel: 'phone' }));
    dataOf(await county.desk.post(`/api/dispatches/${dispatch.id}/steps`, { actionId: randomUUID(), teamId: county.teams[1]!.id, to: 'completed', channel: 'radio', outcome: { rescued: 0, evacuated: 5 } }));

    const detail = dataOf(await county.desk.get<DispatchDetail>(`/api/dispatches/${dispatch.id}`));
    const outcomes = Object.fromEntries(detail.dispatch.assignments.map((a) => [a.teamId, a.outcome]));
    expect(outcomes).toEqual({ [county.teams[0]!.id]: { rescued: 3, evacuated: 27, note: '低洼小区二楼转移完毕' }, [county.teams[1]!.id]: { rescued: 0, evacuated: 5, note: '' } });
    expect(dataOf(await county.desk.get<SituationOverview>('/api/board/summary')).evacuation.county).toEqual(totalsBefore);
  });

  it('is refused on any step but a completion, and with counts that are not whole, non-negative numbers', async () => {
    const dispatch = await createDispatch(county.desk, [county.teams[0]!.id]);
    expect(await step(dispatch.id, 'accepted', { rescued: 1, evacuated: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await step(dispatch.id, 'accepted')).toMatchObject({ ok: true });
    await step(dispatch.id, 'en_route');
    await step(dispatch.id, 'on_scene');
    for (const bad of [{ rescued: -1, evacuated: 0 }, { rescued: 1.5, evacuated: 0 }, { rescued: '3', evacuated: 0 }, { rescued: 1, evacuated: 0, extra: true }]) {
      expect(await step(dispatch.id, 'completed', bad)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    // A completion without an outcome (an older tablet) still completes, with none recorded.
    expect(await step(dispatch.id, 'completed')).toMatchObject({ ok: true, data: { assignments: [{ state: 'completed', outcome: null }] } });
  });
});
