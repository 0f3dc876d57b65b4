import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCredentials } from '../../shared/schemas/device';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import { DeviceService } from '../devices/device-service';
import { errorHandler } from '../http/respond';
import { PositionHub } from '../positions/position-hub';
import { openTestServices, silentLogger, type TestServices } from '../positions/test-support';
import { androidMock, androidQuery, androidSos, bookletCurlContentType, owntracksLocation, owntracksTransition, stationaryHeartbeat, traccarClient10Json } from './fixtures/tracker-requests';
import { FixThinner } from './fix-thinner';
import { ingestRoutes } from './ingest-routes';
import { createOsmandServer } from './osmand-server';
import { trackerSos } from './tracker-sos';

// What the real tracker apps send (fixtures/tracker-requests.ts) and how they must be answered.
let services: TestServices;
let devices: DeviceService;
let hub: PositionHub;
const servers: http.Server[] = [];
let mainUrl: string;
let osmandUrl: string;
let thinnedUrl: string;

const listen = async (server: http.Server): Promise<string> => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const seconds = () => Math.floor(Date.now() / 1000);
const query = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const deviceOf = async (credentials: DeviceCredentials) => (await devices.list()).find((d) => d.id === credentials.device.id);
const osmandDevice = (teamId: string) => devices.register({ teamId, kind: 'osmand', name: `Traccar ${teamId}` }, SYSTEM_ACTOR);
const openSos = async (teamId: string) => (await services.alarms.listOpen()).filter((a) => a.kind === 'sos' && a.sourceId === teamId);

beforeAll(async () => {
  services = await openTestServices();
  for (const id of ['t1', 't2', 't3', 't4', 't5', 't6', 't7']) await services.addTeam(id, `队伍${id}`);
  devices = new DeviceService(services.store.db, services.transactor);
  hub = new PositionHub({ db: services.store.db, publish: () => {}, logger: silentLogger });
  const deps = { devices, hub, logger: silentLogger, raiseSos: trackerSos(services.alarms, (id) => `队伍${id}`) };
  const app = express().use(ingestRoutes(deps)).use(errorHandler(silentLogger));
  mainUrl = await listen(http.createServer(app));
  osmandUrl = await listen(createOsmandServer(deps));
  thinnedUrl = await listen(createOsmandServer({ ...deps, thinner: new FixThinner({ burst: 3, perSecond: 0 }) }));
});
afterAll(async () => {
  for (const server of servers) server.close();
  await hub.close();
  await services.close();
});

describe('Traccar Client without a fix (item 1)', () => {
  it('answers a stationary heartbeat 200, keeps the position, takes battery and last-heard, and does not stall later fixes', async () => {
    const phone = await osmandDevice('t1');
    expect((await fetch(`${osmandUrl}/?${query(androidQuery(phone.osmandId!, seconds() - 600))}`, { method: 'POST' })).status).toBe(200);
    const before = hub.latestFor('t1');
    const heartbeat = await fetch(`${osmandUrl}/?${query(stationaryHeartbeat(phone.osmandId!, seconds()))}`, { method: 'POST' });
    expect(heartbeat.status).toBe(200);
    expect(hub.latestFor('t1')).toMatchObject({ lat: before?.lat, t: before?.t });
    expect(hub.latestFor('t1')?.heardAt).toBeGreaterThan(Date.now() - 5_000);
    expect(await deviceOf(phone)).toMatchObject({ battery: 57, rejectedFixes: 0 });
    expect(Date.parse((await deviceOf(phone))?.lastSeenAt ?? '')).toBeGreaterThan(Date.now() - 5_000);

    const next = { ...androidQuery(phone.osmandId!, seconds()), lat: '29.4601' };
    expect((await fetch(`${osmandUrl}/?${query(next)}`, { method: 'POST' })).status).toBe(200);
    expect(hub.latestFor('t1')?.lat).toBe(29.4601);
  });

  it('answers a known device 2xx whatever it sends, and still refuses an unknown one', async () => {
    const phone = await osmandDevice('t1');
    const garbled = await fetch(`${mainUrl}/ingest/osmand`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ device_id: phone.osmandId, location: { coords: { latitude: 'x' } } }) });
    expect(garbled.status).toBe(200);
    expect((await deviceOf(phone))?.rejectedFixes).toBe(1);
    expect((await fetch(`${osmandUrl}/?${query(stationaryHeartbeat('not-registered', seconds()))}`)).status).toBe(403);
  });
});

describe('SOS from Traccar Client (item 2)', () => {
  it('raises the SOS alarm from alarm=sos, with the position', async () => {
    const phone = await osmandDevice('t2');
    expect((await fetch(`${osmandUrl}/?${query(androidSos(phone.osmandId!, seconds()))}`, { method: 'POST' })).status).toBe(200);
    expect(await openSos('t2')).toMatchObject([{ severity: 'critical', sound: 'repeat', params: { teamName: '队伍t2', reportedBy: 'Traccar t2', lat: 29.4512, lon: 121.8791 } }]);
    expect(hub.latestFor('t2')?.lat).toBe(29.4512);
  });

  it('raises it from Traccar Client 10 (location.extras.alarm), and without a position too', async () => {
    const phone = await osmandDevice('t3');
    const body = JSON.stringify(traccarClient10Json(phone.osmandId!, new Date().toISOString(), { alarm: 'sos' }));
    expect((await fetch(`${osmandUrl}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200);
    expect(await openSos('t3')).toMatchObject([{ params: { lat: 29.4513, reportedBy: 'Traccar t3' } }]);

    const other = await osmandDevice('t7');
    expect((await fetch(`${mainUrl}/ingest/osmand`, { method: 'POST', body: new URLSearchParams({ id: other.osmandId!, alarm: 'sos' }) })).status).toBe(200);
    expect(await openSos('t7')).toMatchObject([{ params: { lat: null, lon: null } }]);
  });
});

describe('OwnTracks (item 3)', () => {
  let phone: DeviceCredentials;
  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${mainUrl}/ingest/owntracks`, { method: 'POST', headers: { authorization: basic(phone.owntracksUser!, phone.owntracksPassword!), ...headers }, body });
  beforeAll(async () => {
    phone = await devices.register({ teamId: 't5', kind: 'owntracks', name: 'iPhone' }, SYSTEM_ACTOR);
  });

  it('takes a location whatever X-Limit-U says (the iOS app sends "user" when its user ID is empty)', async () => {
    const res = await post(JSON.stringify(owntracksLocation(seconds())), { 'content-type': 'application/json', 'x-limit-u': 'user', 'x-limit-d': 'phone' });
    expect(res.status).toBe(200);
    expect(hub.latestFor('t5')).toMatchObject({ lat: 29.4601, deviceId: phone.device.id, battery: 72 });
  });

  it("takes the booklet's curl test (JSON sent as a form) and a body without a Content-Type", async () => {
    const curl = await post(JSON.stringify({ ...owntracksLocation(seconds() + 1), lat: 29.4602 }), { 'content-type': bookletCurlContentType });
    expect(curl.status).toBe(200);
    expect(hub.latestFor('t5')?.lat).toBe(29.4602);
    const bare = await fetch(`${mainUrl}/ingest/owntracks`, { method: 'POST', headers: { authorization: basic(phone.owntracksUser!, phone.owntracksPassword!) }, body: new Blob([JSON.stringify({ ...owntracksLocation(seconds() + 2), lat: 29.4603 })]) });
    expect(bare.status).toBe(200);
    expect(hub.latestFor('t5')?.lat).toBe(29.4603);
  });

  it('answers an empty body and non-location messages 2xx with []', async () => {
    const empty = await post('', { 'content-type': 'application/json' });
    expect(empty.status).toBe(200);
    expect(await empty.json()).toEqual([]);
    const heardBefore = hub.latestFor('t5')?.heardAt ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const transition = await post(JSON.stringify(owntracksTransition(seconds())), { 'content-type': 'application/json' });
    expect(transition.status).toBe(200);
    expect(await transition.json()).toEqual([]);
    // The phone is alive: the team is heard, not 失联.
    expect(hub.latestFor('t5')?.heardAt).toBeGreaterThan(heardBefore);
  });
});

describe('flagged fixes and old backlogs (item 4)', () => {
  it('stores a mock or invalid fix in history but never moves the live marker', async () => {
    const phone = await osmandDevice('t4');
    expect((await fetch(`${osmandUrl}/?${query(androidQuery(phone.osmandId!, seconds() - 5))}`)).status).toBe(200);
    const mock = { ...androidMock(phone.osmandId!, seconds() - 3), lat: '29.9' };
    expect((await fetch(`${osmandUrl}/?${query(mock)}`)).status).toBe(200);
    const invalid = { ...androidQuery(phone.osmandId!, seconds() - 2), lat: '29.8', valid: 'false' };
    expect((await fetch(`${osmandUrl}/?${query(invalid)}`)).status).toBe(200);
    expect(hub.latestFor('t4')?.lat).toBe(29.4512);
    const track = await hub.track('t4', Date.now() - 60_000, Date.now(), 100);
    expect(track.map((f) => [f.lat, f.flag ?? null])).toEqual([[29.4512, null], [29.9, 'mock'], [29.8, 'invalid']]);
    await hub.flush();
    const trails = await hub.trails(Date.now() - 60_000);
    expect(trails.t4?.map((p) => p[1])).toEqual([29.4512]);
  });

  it('stores a backlog older than 7 days (a phone offline for a week) in history', async () => {
    const phone = await osmandDevice('t6');
    const eightDaysAgo = Date.now() - 8 * 86_400_000;
    const json = traccarClient10Json(phone.osmandId!, new Date(eightDaysAgo).toISOString());
    const body = JSON.stringify({ ...json, location: [json.location, { ...json.location, timestamp: new Date(eightDaysAgo + 60_000).toISOString() }] });
    expect((await fetch(`${osmandUrl}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).status).toBe(200);
    expect(await hub.track('t6', eightDaysAgo - 1, Date.now(), 100)).toHaveLength(2);
    expect((await deviceOf(phone))?.rejectedFixes).toBe(0);
    expect(hub.latestFor('t6')).toBeNull();
    // A clock reset to 1970 is not a backlog: dropped and counted.
    expect((await fetch(`${osmandUrl}/?${query(androidQuery(phone.osmandId!, 86_400))}`)).status).toBe(200);
    expect(await deviceOf(phone)).toMatchObject({ rejectedFixes: 1, lastRejectReason: 'too_old' });
  });
});

describe('a phone clock running ahead (item 6)', () => {
  it('does not freeze the marker behind a fix stamped minutes ahead, and shows the skew on the device', async () => {
    const phone = await osmandDevice('t1');
    const ahead = { ...androidQuery(phone.osmandId!, seconds() + 290), lat: '29.50' };
    expect((await fetch(`${osmandUrl}/?${query(ahead)}`)).status).toBe(200);
    expect(hub.latestFor('t1')?.lat).toBe(29.5);
    const skew = (await deviceOf(phone))?.clockSkewMs ?? 0;
    expect(skew).toBeGreaterThan(280_000);
    expect(skew).toBeLessThan(300_000);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const real = { ...androidQuery(phone.osmandId!, seconds()), lat: '29.51' };
    expect((await fetch(`${osmandUrl}/?${query(real)}`)).status).toBe(200);
    expect(hub.latestFor('t1')?.lat).toBe(29.51);
    expect((await hub.track('t1', Date.now() - 60_000, Date.now() + 600_000, 100)).find((f) => f.lat === 29.5)?.receivedAt).toBeLessThanOrEqual(Date.now());
  });
});

describe('tracker write limit (item 13)', () => {
  it('answers every request 2xx, stores what the limit allows and counts the rest on the device', async () => {
    const phone = await osmandDevice('t7');
    for (let i = 0; i < 5; i += 1) {
      const res = await fetch(`${thinnedUrl}/?${query({ ...androidQuery(phone.osmandId!, seconds() - 10 + i), lat: String(29.3 + i / 100) })}`);
      expect(res.status).toBe(200);
    }
    expect(await deviceOf(phone)).toMatchObject({ thinnedFixes: 2, rejectedFixes: 0 });
    expect(hub.latestFor('t7')?.lat).toBe(29.32);
  });
});
