import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, DeviceCredentials } from '../../shared/schemas/device';
import type { Fix } from '../../shared/schemas/position';
import type { Team } from '../../shared/schemas/team';
import { startServer, type ServerHandle } from '../testing/server-process';
import { TEAM_INPUT, TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';

let server: ServerHandle;
let admin: ReturnType<typeof httpClient>;
let team: Team;
let osmand: DeviceCredentials;
let owntracks: DeviceCredentials;
let wall: TestClient;

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const latestOf = async (teamId: string) => dataOf(await admin.get<Fix[]>('/api/positions/latest')).find((f) => f.teamId === teamId);

beforeAll(async () => {
  server = await startServer();
  const token = await login(server.baseUrl, 'admin', server.adminPassword);
  admin = httpClient(server.baseUrl, token);
  team = dataOf(await admin.post<Team>('/api/teams', TEAM_INPUT));
  osmand = dataOf(await admin.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'osmand', name: 'Traccar 手机' }));
  owntracks = dataOf(await admin.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'owntracks', name: 'OwnTracks 手机' }));
  dataOf(await admin.post('/api/users', { username: 'wall-ingest', displayName: '大屏', role: 'wall', password: 'wall-password-1' }));
  wall = new TestClient(server.baseUrl, await login(server.baseUrl, 'wall-ingest', 'wall-password-1'));
  await wall.connected();
  await wall.request('sync:hello', { lastSeq: null });
});
afterAll(async () => {
  wall?.close();
  await server?.dispose();
});

describe('OsmAnd (Traccar Client)', () => {
  it('issues a long device id, shown once and never stored in clear', () => {
    expect(osmand.osmandId).toMatch(/^[A-Za-z0-9]{24,}$/);
    expect(owntracks.owntracksPassword).toBeTruthy();
  });

  it('takes a GET on the dedicated port and pushes the fix to the wall within a moment', async () => {
    const t = Date.now();
    const res = await fetch(`http://127.0.0.1:${server.osmandPort}/?id=${osmand.osmandId}&lat=29.4501&lon=121.8802&timestamp=${Math.floor(t / 1000)}&speed=10&bearing=45&batt=77`);
    expect(res.status).toBe(200);
    const pushed = await eventually(() => wall.positions.find((f) => f.teamId === team.id && f.lat === 29.4501), 3_000, 'the pushed fix');
    expect(pushed.speed).toBeCloseTo(10 * 0.514444, 3); // knots → m/s
    expect(pushed).toMatchObject({ lon: 121.8802, heading: 45, battery: 77 });
  });

  it('takes a form POST on the main port', async () => {
    const body = new URLSearchParams({ deviceid: osmand.osmandId!, lat: '29.4502', lon: '121.8803', timestamp: new Date().toISOString() });
    const res = await fetch(`${server.baseUrl}/ingest/osmand`, { method: 'POST', body });
    expect(res.status).toBe(200);
    await eventually(async () => (await latestOf(team.id))?.lat === 29.4502, 3_000, 'the stored fix');
  });

  it('takes the JSON form', async () => {
    const res = await fetch(`${server.baseUrl}/ingest/osmand`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ device_id: osmand.osmandId, location: { timestamp: new Date().toISOString(), coords: { latitude: 29.4503, longitude: 121.8804, speed: 3, heading: 90, accuracy: 5 }, battery: { level: 0.5 } } }),
    });
    expect(res.status).toBe(200);
    const fix = await eventually(async () => {
      const f = await latestOf(team.id);
      return f?.lat === 29.4503 ? f : null;
    }, 3_000, 'the JSON fix');
    expect(fix).toMatchObject({ speed: 3, battery: 50 });
  });

  it('refuses an unknown device id with 403 and stores nothing', async () => {
    const res = await fetch(`http://127.0.0.1:${server.osmandPort}/?id=guessed-id-123&lat=29.1&lon=121.9&timestamp=${Math.floor(Date.now() / 1000)}`);
    expect(res.status).toBe(403);
    expect((await latestOf(team.id))?.lat).not.toBe(29.1);
  });

  it('answers an unreadable request from a known device with 200 (the app would retry it forever), one without an id with 400', async () => {
    expect((await fetch(`http://127.0.0.1:${server.osmandPort}/?id=${osmand.osmandId}&lat=north&lon=`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${server.osmandPort}/?lat=29&lon=121`)).status).toBe(400);
  });

  it('answers a known device’s implausible fix with 200, drops it and counts it as a device warning', async () => {
    const before = await latestOf(team.id);
    const future = Math.floor(Date.now() / 1000) + 86_400;
    const res = await fetch(`http://127.0.0.1:${server.osmandPort}/?id=${osmand.osmandId}&lat=29.2&lon=121.9&timestamp=${future}`);
    expect(res.status).toBe(200);
    const outOfRange = await fetch(`http://127.0.0.1:${server.osmandPort}/?id=${osmand.osmandId}&lat=129.2&lon=121.9&timestamp=${Math.floor(Date.now() / 1000)}`);
    expect(outOfRange.status).toBe(200);
    expect((await latestOf(team.id))?.lat).toBe(before?.lat);
    const device = await eventually(async () => dataOf(await admin.get<Device[]>('/api/devices')).find((d) => d.id === osmand.device.id && d.rejectedFixes >= 2), 3_000, 'the warning');
    expect(device.lastRejectReason).toBeTruthy();
  });

  it('stops accepting a revoked device at once', async () => {
    const spare = dataOf(await admin.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'osmand', name: '备用' }));
    const url = `http://127.0.0.1:${server.osmandPort}/?id=${spare.osmandId}&lat=29.45&lon=121.88&timestamp=${Math.floor(Date.now() / 1000)}`;
    expect((await fetch(url)).status).toBe(200);
    dataOf(await admin.post(`/api/devices/${spare.device.id}/revoke`));
    expect((await fetch(url)).status).toBe(403);
  });
});

describe('OwnTracks', () => {
  const location = (lat: number) => ({ _type: 'location', lat, lon: 121.87, tst: Math.floor(Date.now() / 1000), tid: 'ZZ', acc: 12, vel: 36, cog: 180, batt: 64 });

  it('takes a location with HTTP Basic credentials and answers with a JSON array', async () => {
    const res = await fetch(`${server.baseUrl}/ingest/owntracks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic(owntracks.owntracksUser!, owntracks.owntracksPassword!) },
      body: JSON.stringify(location(29.4611)),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    const fix = await eventually(async () => {
      const f = await latestOf(team.id);
      return f?.lat === 29.4611 ? f : null;
    }, 3_000, 'the OwnTracks fix');
    expect(fix.speed).toBeCloseTo(10, 5); // 36 km/h
    expect(fix.deviceId).toBe(owntracks.device.id);
  });

  it('never takes identity from the tid nor X-Limit-U (a label), and refuses wrong credentials', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${server.baseUrl}/ingest/owntracks`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(location(29.1)) });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: basic(owntracks.owntracksUser!, 'wrong-password') })).status).toBe(403);
    expect((await latestOf(team.id))?.lat).not.toBe(29.1);
    expect((await post({ authorization: basic(owntracks.owntracksUser!, owntracks.owntracksPassword!), 'x-limit-u': 'user' })).status).toBe(200);
  });

  it('accepts other message types without storing a fix', async () => {
    const res = await fetch(`${server.baseUrl}/ingest/owntracks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic(owntracks.owntracksUser!, owntracks.owntracksPassword!) },
      body: JSON.stringify({ _type: 'lwt', tst: Math.floor(Date.now() / 1000) }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });
});

describe('field tablet positions over the socket', () => {
  it('accepts its own fixes and shows them on the board', async () => {
    dataOf(await admin.post('/api/users', { username: 'tablet-pos', displayName: '平板', role: 'field', teamId: team.id, password: 'tablet-password-1' }));
    const tablet = new TestClient(server.baseUrl, await login(server.baseUrl, 'tablet-pos', 'tablet-password-1'));
    await tablet.connected();
    const res = await tablet.request('position:report', { lat: 29.4777, lon: 121.8666, t: Date.now(), accuracy: 8 });
    expect(res).toEqual({ ok: true, data: { accepted: true } });
    await eventually(() => wall.positions.some((f) => f.teamId === team.id && f.lat === 29.4777), 3_000, 'the tablet fix on the wall');
    expect(await tablet.rawRequest('position:report', { lat: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    tablet.close();
  });
});
