import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/schemas/alarm';
import type { DomainEvent } from '../../shared/schemas/event';
import type { Fix } from '../../shared/schemas/position';
import { TestClient, dataOf, eventually } from '../testing/int-support';
import { startServer, type ServerHandle } from '../testing/server-process';
import { createDispatch, setUpCounty, type County } from './int-support';

let server: ServerHandle;
let county: County;
let wall: TestClient;
let desk: TestClient;
let tablet: TestClient;

const alarmEvent = (client: TestClient, type: 'alarm.raised' | 'alarm.acknowledged' | 'alarm.cleared', kind: Alarm['kind'], sourceId: string): Alarm | undefined => {
  const found = client.events.find((e: DomainEvent) => e.type === type && e.payload.alarm.kind === kind && e.payload.alarm.sourceId === sourceId);
  return found && (found.type === 'alarm.raised' || found.type === 'alarm.acknowledged' || found.type === 'alarm.cleared') ? found.payload.alarm : undefined;
};

async function boardClient(token: string): Promise<TestClient> {
  const client = new TestClient(server.baseUrl, token);
  await client.connected();
  await client.request('sync:hello', { lastSeq: null });
  return client;
}

beforeAll(async () => {
  server = await startServer({ env: { DISPATCH_DELIVERY_TIMEOUT_SECONDS: '1', DISPATCH_ACCEPT_TIMEOUT_SECONDS: '2' } });
  county = await setUpCounty(server, 2);
  wall = await boardClient(county.tokens.wall!);
  desk = await boardClient(county.tokens.commander!);
  tablet = await boardClient(county.tokens['field-0']!);
});
afterAll(async () => {
  for (const client of [wall, desk, tablet]) client?.close();
  await server?.dispose();
});

describe('dispatch escalation', () => {
  it('raises an undelivered alarm on the wall, clears it on receipt; then unaccepted, cleared on accept', async () => {
    const team = county.teams[1]!;
    const dispatch = await createDispatch(county.desk, [team.id], { priority: 'flash' });
    const source = `${dispatch.id}:${team.id}`;
    const undelivered = await eventually(() => alarmEvent(wall, 'alarm.raised', 'dispatch_undelivered', source), 5_000, 'the undelivered alarm');
    expect(undelivered).toMatchObject({ severity: 'critical', sound: 'repeat', params: { teamName: team.name, dispatchId: dispatch.id } });

    const other = new TestClient(server.baseUrl, county.tokens['field-1']!);
    await other.connected();
    expect(await other.request('dispatch:received', { actionId: randomUUID(), dispatchId: dispatch.id })).toMatchObject({ ok: true });
    await eventually(() => alarmEvent(wall, 'alarm.cleared', 'dispatch_undelivered', source), 3_000, 'the undelivered alarm to clear');

    await eventually(() => alarmEvent(wall, 'alarm.raised', 'dispatch_unaccepted', source), 5_000, 'the unaccepted alarm');
    expect(await other.request('dispatch:step', { actionId: randomUUID(), dispatchId: dispatch.id, to: 'accepted' })).toMatchObject({ ok: true });
    await eventually(() => alarmEvent(wall, 'alarm.cleared', 'dispatch_unaccepted', source), 3_000, 'the unaccepted alarm to clear');
    // The desk is another socket: it hears the same event, but not necessarily in the same instant as the wall.
    await eventually(() => alarmEvent(desk, 'alarm.cleared', 'dispatch_unaccepted', source), 3_000, 'the desk to hear the clear');
    other.close();
  });

  it('clears a dispatch’s overdue alarms when the desk records the step by phone', async () => {
    const team = county.teams[1]!;
    const dispatch = await createDispatch(county.desk, [team.id], { priority: 'routine' });
    const source = `${dispatch.id}:${team.id}`;
    await eventually(() => alarmEvent(wall, 'alarm.raised', 'dispatch_unaccepted', source), 6_000, 'the unaccepted alarm');
    dataOf(await county.desk.post(`/api/dispatches/${dispatch.id}/steps`, { actionId: randomUUID(), teamId: team.id, to: 'accepted', channel: 'phone' }));
    await eventually(() => alarmEvent(wall, 'alarm.cleared', 'dispatch_unaccepted', source) && alarmEvent(wall, 'alarm.cleared', 'dispatch_undelivered', source), 3_000, 'both alarms to clear');
  });
});

describe('SOS', () => {
  it('raises a critical ringing alarm on the desk and the wall at once, and puts the position on the map', async () => {
    const team = county.teams[0]!;
    const t = Date.now();
    const answer = await tablet.request('field:sos', { actionId: randomUUID(), position: { lat: 29.2035, lon: 121.9512, t }, note: '船只进水' });
    expect(answer).toMatchObject({ ok: true, data: { positionAccepted: true, alarm: { kind: 'sos', severity: 'critical', sound: 'repeat', sourceId: team.id, params: { note: '船只进水' } } } });
    for (const client of [wall, desk]) await eventually(() => alarmEvent(client, 'alarm.raised', 'sos', team.id), 2_000, 'the SOS alarm');
    const latest = dataOf(await county.desk.get<Fix[]>('/api/positions/latest'));
    expect(latest.find((f) => f.teamId === team.id)).toMatchObject({ lat: 29.2035, lon: 121.9512 });

    const again = await tablet.request('field:sos', { actionId: randomUUID(), position: { lat: 29.2035, lon: 121.9512, t: t + 1_000 } });
    expect(again.ok && again.data.alarm.id).toBe(answer.ok && answer.data.alarm.id);

    // The rescuers see that the command centre has their SOS, and who took it.
    await eventually(() => alarmEvent(tablet, 'alarm.raised', 'sos', team.id), 2_000, 'the SOS on the tablet');
    const acked = await desk.request('alarm:acknowledge', { alarmId: answer.ok ? answer.data.alarm.id : '' });
    expect(acked.ok).toBe(true);
    await eventually(() => alarmEvent(tablet, 'alarm.acknowledged', 'sos', team.id), 2_000, 'the acknowledgement on the tablet');

    dataOf(await county.desk.post(`/api/teams/${team.id}/sos/resolve`, {}));
    await eventually(() => alarmEvent(wall, 'alarm.cleared', 'sos', team.id) && alarmEvent(tablet, 'alarm.cleared', 'sos', team.id), 2_000, 'the SOS to clear');
  });
});
