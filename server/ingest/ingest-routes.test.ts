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
import { ingestRoutes } from './ingest-routes';
import { createOsmandServer } from './osmand-server';

let services: TestServices;
let devices: DeviceService;
let hub: PositionHub;
let osmand: DeviceCredentials;
let owntracks: DeviceCredentials;
const servers: http.Server[] = [];
let mainUrl: string;
let osmandUrl: string;

const listen = async (server: http.Server): Promise<string> => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const seconds = () => Math.floor(Date.now() / 1000);
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const latestLat = () => hub.latestFor('t1')?.lat;

beforeAll(async () => {
  services = await openTestServices();
  await services.addTeam('t1');
  devices = new DeviceService(services.store.db, services.transactor);
  hub = new PositionHub({ db: services.store.db, publish: () => {}, logger: silentLogger });
  osmand = await devices.register({ teamId: 't1', kind: 'osmand', name: 'Traccar' }, SYSTEM_ACTOR);
  owntracks = await devices.register({ teamId: 't1', kind: 'owntracks', name: 'OwnTracks' }, SYSTEM_ACTOR);
  const deps = { devices, hub, logger: silentLogger };
  const app = express().use(ingestRoutes(deps)).use(errorHandler(silentLogger));
  mainUrl = await listen(http.createServer(app));
  osmandUrl = await listen(createOsmandServer(deps));
});
afterAll(async () => {
  for (const server of servers) server.close();
  await hub.close();
  await services.close();
});

describe('OsmAnd ingest', () => {
  it('takes a GET on the dedicated port at /', async () => {
    const res = await fetch(`${osmandUrl}/?id=${osmand.osmandId}&lat=29.4501&lon=121.8802&timestamp=${seconds()}&speed=10&bearing=45&batt=77`);
    expect(res.status).toBe(200);
    expect(hub.latestFor('t1')).toMatchObject({ lat: 29.4501, deviceId: osmand.device.id, heading: 45, battery: 77 });
    expect((await devices.list()).find((d) => d.id === osmand.device.id)?.lastSeenAt).not.toBeNull();
  });

  it('takes form, query-string and JSON POSTs on the main router', async () => {
    const form = new URLSearchParams({ deviceid: osmand.osmandId!, lat: '29.4502', lon: '121.8803', timestamp: new Date().toISOString() });
    expect((await fetch(`${mainUrl}/ingest/osmand`, { method: 'POST', body: form })).status).toBe(200);
    expect(latestLat()).toBe(29.4502);
    expect((await fetch(`${osmandUrl}/?id=${osmand.osmandId}&lat=29.4503&lon=121.88&timestamp=${seconds() + 1}`, { method: 'POST' })).status).toBe(200);
    expect(latestLat()).toBe(29.4503);
    const json = { device_id: osmand.osmandId, location: { timestamp: new Date(Date.now() + 2_000).toISOString(), coords: { latitude: 29.4504, longitude: 121.88, speed: 3 }, battery: { level: 0.5 } } };
    const res = await fetch(`${mainUrl}/ingest/osmand`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
    expect(res.status).toBe(200);
    expect(hub.latestFor('t1')).toMatchObject({ lat: 29.4504, speed: 3, battery: 50 });
  });

  it('reads form and JSON bodies on the dedicated port too, takes the last of a repeated field, and has nothing but /', async () => {
    const form = new URLSearchParams({ id: osmand.osmandId!, lat: '29.4505', lon: '121.8805', timestamp: String(seconds() + 3) });
    expect((await fetch(`${osmandUrl}/`, { method: 'POST', body: form })).status).toBe(200);
    expect(latestLat()).toBe(29.4505);
    const json = { device_id: osmand.osmandId, location: { timestamp: new Date(Date.now() + 4_000).toISOString(), coords: { latitude: 29.4506, longitude: 121.88 } } };
    expect((await fetch(`${osmandUrl}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) })).status).toBe(200);
    expect(latestLat()).toBe(29.4506);
    expect((await fetch(`${osmandUrl}/?id=${osmand.osmandId}&lat=1&lat=29.4507&lon=121.88&timestamp=${seconds() + 5}`)).status).toBe(200);
    expect(latestLat()).toBe(29.4507);
    expect((await fetch(`${osmandUrl}/other?id=${osmand.osmandId}&lat=29.4508&lon=121.88&timestamp=${seconds() + 6}`)).status).toBe(404);
    expect(latestLat()).toBe(29.4507);
  });

  it('refuses an unknown device with 403 UNKNOWN_DEVICE and stores nothing', async () => {
    const res = await fetch(`${osmandUrl}/?id=guessed-id-123&lat=29.1&lon=121.9&timestamp=${seconds() + 5}`);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_DEVICE' } });
    expect(latestLat()).not.toBe(29.1);
  });

  it('answers an unreadable request from a known device with 200 and counts it, and one without an id with 400', async () => {
    const spare = await devices.register({ teamId: 't1', kind: 'osmand', name: 'garbled' }, SYSTEM_ACTOR);
    const res = await fetch(`${osmandUrl}/?id=${spare.osmandId}&lat=north&lon=`);
    expect(res.status).toBe(200);
    expect((await devices.list()).find((d) => d.id === spare.device.id)).toMatchObject({ rejectedFixes: 1, lastRejectReason: 'unreadable lat: expected a number' });
    const noId = await fetch(`${osmandUrl}/?lat=29&lon=121`);
    expect(noId.status).toBe(400);
    expect(await noId.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const broken = await fetch(`${mainUrl}/ingest/osmand`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"device_id":' });
    expect(broken.status).toBe(400);
  });

  it('answers a known device’s implausible fix with 200, drops and counts it', async () => {
    const before = latestLat();
    expect((await fetch(`${osmandUrl}/?id=${osmand.osmandId}&lat=29.2&lon=121.9&timestamp=${seconds() + 86_400}`)).status).toBe(200);
    expect((await fetch(`${osmandUrl}/?id=${osmand.osmandId}&lat=129.2&lon=121.9&timestamp=${seconds()}`)).status).toBe(200);
    expect(latestLat()).toBe(before);
    expect((await devices.list()).find((d) => d.id === osmand.device.id)).toMatchObject({ rejectedFixes: 2, lastRejectReason: 'out_of_range' });
  });

  it('refuses a body over 64 kB', async () => {
    const res = await fetch(`${mainUrl}/ingest/osmand`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ device_id: 'x', pad: 'x'.repeat(70_000) }) });
    expect(res.status).toBe(413);
  });
});

describe('OwnTracks ingest', () => {
  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${mainUrl}/ingest/owntracks`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const location = (lat: number, tid = 'ZZ') => ({ _type: 'location', lat, lon: 121.87, tst: seconds() + 10, tid, acc: 12, vel: 36, cog: 180, batt: 64 });

  it('takes a location with Basic credentials and answers []', async () => {
    const res = await post(location(29.4611), { authorization: basic(owntracks.owntracksUser!, owntracks.owntracksPassword!), 'x-limit-u': owntracks.owntracksUser! });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    expect(hub.latestFor('t1')).toMatchObject({ lat: 29.4611, deviceId: owntracks.device.id });
    expect(hub.latestFor('t1')?.speed).toBeCloseTo(10, 6);
  });

  it('needs credentials (401), refuses wrong ones (403), and ignores the tid', async () => {
    const noAuth = await post(location(29.1, owntracks.owntracksUser!), {});
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect((await post(location(29.1), { authorization: basic(owntracks.owntracksUser!, 'wrong-password') })).status).toBe(403);
    expect(latestLat()).not.toBe(29.1);
  });

  it('checks at most 5 of 50 different wrong passwords sent in parallel (each costs a scrypt), refusing the rest', async () => {
    const fresh = await devices.register({ teamId: 't1', kind: 'owntracks', name: 'OwnTracks 2' }, SYSTEM_ACTOR);
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(location(29.47), { authorization: basic(fresh.owntracksUser!, `guess-number-${i}`) })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 403).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
  });

  it('accepts other message types without a fix, and answers what is not OwnTracks 200 too (counted on the device)', async () => {
    const auth = { authorization: basic(owntracks.owntracksUser!, owntracks.owntracksPassword!) };
    const lwt = await post({ _type: 'lwt', tst: seconds() }, auth);
    expect(lwt.status).toBe(200);
    expect(await lwt.json()).toEqual([]);
    expect((await post({ lat: 29, lon: 121 }, auth)).status).toBe(200);
    expect((await devices.list()).find((d) => d.id === owntracks.device.id)?.lastRejectReason).toMatch(/^unreadable _type/);
  });
});

describe('revocation', () => {
  it('stops a revoked device at once', async () => {
    const spare = await devices.register({ teamId: 't1', kind: 'osmand', name: 'spare' }, SYSTEM_ACTOR);
    const url = `${osmandUrl}/?id=${spare.osmandId}&lat=29.45&lon=121.88&timestamp=${seconds()}`;
    expect((await fetch(url)).status).toBe(200);
    await devices.revoke(spare.device.id, SYSTEM_ACTOR);
    expect((await fetch(url)).status).toBe(403);
  });
});
