import net from 'node:net';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alarm } from '../../shared/schemas/alarm';
import type { Incident } from '../../shared/schemas/incident';
import { StationSeriesSchema, type IngestStatus, type Reading, type StationState } from '../../shared/schemas/sensor-reading';
import type { Station } from '../../shared/schemas/station';
import { freePort, startServer, type ServerHandle } from '../testing/server-process';
import { signInEveryRole, statusByRole, type SignedIn } from '../testing/overview-support';
import { TestClient, dataOf, eventually } from '../testing/int-support';
import { beijingBcdBytes, encodeFrame } from './sl651';
import { frameBytes, PUBLIC_FRAMES } from './sl651/public-frames';

// Against the real Mosquitto on 127.0.0.1:1883 and a real TCP socket for SL 651. Frames: see sl651/public-frames.ts.

const BROKER = 'mqtt://127.0.0.1:1883';
const run = randomBytes(4).toString('hex');
let server: ServerHandle;
let as: SignedIn;
let sl651Port: number;

beforeAll(async () => {
  sl651Port = await freePort();
  server = await startServer({ env: { MQTT_URL: BROKER, MQTT_CLIENT_ID: `tidewatch-test-${run}`, MQTT_SESSION_EXPIRY_SECONDS: '120', SL651_PORT: String(sl651Port), SENSOR_PUSH_MS: '50' } });
  as = await signInEveryRole(server);
}, 60_000);
afterAll(async () => server?.dispose());

const createStation = async (body: Record<string, unknown>) => dataOf(await as.http.admin.post<Station>('/api/stations', body));
const readingsOf = async (id: string, query = '') => dataOf(await as.http.wall.get<Reading[]>(`/api/stations/${id}/readings?from=0${query}`));
const ingestStatus = async () => dataOf(await as.http.admin.get<IngestStatus>('/api/stations/ingest'));

async function publisher() {
  const client = await mqtt.connectAsync(BROKER, { clientId: `gauge-${run}-${randomBytes(3).toString('hex')}` });
  return {
    send: (code: string, payload: unknown) => client.publishAsync(`tidewatch/stations/${code}/telemetry`, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1 }),
    close: () => client.endAsync(),
  };
}

describe('gauges over MQTT', () => {
  it('stores readings once, pushes the live state to the wall, and counts unknown stations and bad payloads for admins', async () => {
    const code = `RAIN-${run}`;
    const station = await createStation({ code, name: '石浦雨量站', kind: 'rain', location: { lat: 29.2, lon: 121.94 }, elements: ['rain', 'rain_total'], reportIntervalSeconds: 300 });
    const wall = new TestClient(server.baseUrl, as.tokens.wall);
    const pushed: StationState[] = [];
    wall.socket.on('stations:batch', (batch) => pushed.push(...batch));
    const gauge = await publisher();
    try {
      await wall.connected();
      await wall.request('sync:hello', { lastSeq: null });
      const now = Date.now();
      await gauge.send(code, { ts: now - 120_000, values: { rain_total: 100 } });
      await gauge.send(code, [{ ts: now - 60_000, values: { rain_total: 112.5 } }, { ts: now, values: { rain_total: 130, voltage: 12.6, humidity: 80 } }]);
      await gauge.send(code, { ts: now, values: { rain_total: 130, voltage: 12.6 } }); // redelivered
      await gauge.send(code, '{"ts": "yesterday"');
      await gauge.send(`NOPE-${run}`, { ts: now, values: { rain: 1 } });

      await eventually(async () => (await readingsOf(station.id, '&element=rain_total')).length === 3, 10_000, 'three totals stored');
      const state = await eventually(() => pushed.find((s) => s.stationId === station.id && s.rain['1h'] === 30), 10_000, 'state pushed');
      expect(state.latest.voltage?.value).toBe(12.6);
      expect(state.condition).toBe('normal');
      const states = dataOf(await as.http.wall.get<StationState[]>('/api/stations/states'));
      expect(states.find((s) => s.stationId === station.id)?.rain['1h']).toBe(30);
      // The answer as the shared schema declares it: bucketed, and saying how.
      const series = StationSeriesSchema.parse(dataOf(await as.http.wall.get(`/api/stations/${station.id}/series?hours=24`)));
      expect(series.sampling).toEqual({ levelBucketMs: 120_000, rainBucketMs: 3_600_000 });
      expect(series.rainHourly).toHaveLength(25);
      expect(series.rainHourly.reduce((sum, h) => sum + h.mm, 0)).toBe(30);
      expect(series.rainAccumulated.at(-1)?.mm).toBe(30);
      expect(series.thresholds.rain.map((t) => t.signal)).toEqual(['blue', 'yellow', 'orange', 'red']);
      expect((await as.http.wall.get(`/api/stations/${station.id}/series?hours=48`)).status).toBe(400);
      const week = StationSeriesSchema.parse(dataOf(await as.http.wall.get(`/api/stations/${station.id}/series?hours=168`)));
      expect(week.sampling.levelBucketMs).toBe(900_000);
      expect(week.rainHourly).toHaveLength(169);
      expect(week.rainAccumulated.at(-1)?.mm).toBe(30);

      const status = await eventually(async () => {
        const s = await ingestStatus();
        return s.mqtt.topics.some((t) => t.topic.includes(`NOPE-${run}`)) && s.mqtt.topics.find((t) => t.topic.includes(code))?.badPayload === 1 ? s : null;
      }, 10_000, 'counters');
      const own = status.mqtt.topics.find((t) => t.topic === `tidewatch/stations/${code}/telemetry`)!;
      expect(own).toMatchObject({ accepted: 3, badPayload: 1 });
      expect(status.mqtt.topics.find((t) => t.topic.includes(`NOPE-${run}`))).toMatchObject({ unknownStation: 1 });
      expect(status.mqtt.connected).toBe(true);
      expect(status.duplicatesIgnored).toBeGreaterThanOrEqual(2);
      expect(await statusByRole(as, (http) => http.get('/api/stations/ingest'))).toEqual({ admin: 200, commander: 403, duty: 403, wall: 403, field: 403 });
    } finally {
      wall.close();
      await gauge.close();
    }
  });

  it('gets what was published while the server was down (persistent session, QoS 1)', async () => {
    const code = `TIDE-${run}`;
    const station = await createStation({ code, name: '石浦潮位站', kind: 'tide', location: { lat: 29.2, lon: 121.95 }, elements: ['level'], thresholds: { level: { warning: 3.2, guaranteed: null } } });
    await server.stop();
    const gauge = await publisher();
    const ts = Date.now() - 30_000;
    await gauge.send(code, { ts, values: { level: 3.45 } });
    await gauge.close();
    await server.restart();
    const stored = await eventually(async () => (await readingsOf(station.id)).find((r) => r.observedAt === ts), 15_000, 'reading sent while down');
    expect(stored.value).toBe(3.45);
    const state = await eventually(async () => dataOf(await as.http.wall.get<StationState[]>('/api/stations/states')).find((s) => s.stationId === station.id && s.levelStage === 'warning'), 10_000, 'above warning');
    expect(state.condition).toBe('warning');
  }, 60_000);
});

describe('thresholds', () => {
  it('raises a level alarm, drafts an incident at the guaranteed level, clears with hysteresis, and stays quiet in maintenance', async () => {
    const code = `RES-${run}`;
    const station = await createStation({
      code,
      name: '仓岙水库',
      kind: 'reservoir',
      location: { lat: 29.47, lon: 121.8 },
      elements: ['level_upstream'],
      thresholds: { level: { warning: 20, guaranteed: 21.5, hysteresis: 0.2 }, rain: [] },
    });
    const gauge = await publisher();
    const openAlarm = async () => dataOf(await as.http.duty.get<Alarm[]>('/api/alarms')).find((a) => a.sourceId === station.id && a.kind === 'gauge_level' && a.state !== 'cleared');
    try {
      const t = Date.now() - 10 * 60_000;
      await gauge.send(code, { ts: t, values: { level_upstream: 20.3 } });
      expect(await eventually(openAlarm, 10_000, 'warning alarm')).toMatchObject({ severity: 'warning', params: { stationName: '仓岙水库', lineZh: '警戒水位', line: 20 } });
      await gauge.send(code, { ts: t + 60_000, values: { level_upstream: 21.6 } });
      await eventually(async () => (await openAlarm())?.severity === 'critical', 10_000, 'critical alarm');
      const incident = await eventually(async () => dataOf(await as.http.duty.get<Incident[]>('/api/incidents')).find((i) => i.source === 'sensor' && i.place === '仓岙水库'), 10_000, 'drafted incident');
      expect(incident).toMatchObject({ status: 'reported', title: '仓岙水库超保证水位', township: station.township });
      await gauge.send(code, { ts: t + 120_000, values: { level_upstream: 19.9 } }); // above warning − hysteresis: still warning
      await eventually(async () => (await openAlarm())?.severity === 'warning', 10_000, 'back to warning');
      await gauge.send(code, { ts: t + 180_000, values: { level_upstream: 19.7 } });
      await eventually(async () => ((await openAlarm()) === undefined ? true : null), 10_000, 'cleared');

      dataOf(await as.http.duty.post(`/api/stations/${station.id}/maintenance`, { maintenance: true, note: '更换水位计' }));
      await gauge.send(code, { ts: t + 240_000, values: { level_upstream: 22 } });
      await eventually(async () => dataOf(await as.http.wall.get<StationState[]>('/api/stations/states')).find((s) => s.stationId === station.id && s.condition === 'maintenance' && s.levelStage === 'guaranteed'), 10_000, 'maintenance state');
      await new Promise((r) => setTimeout(r, 500));
      expect(await openAlarm()).toBeUndefined();
      expect(dataOf(await as.http.duty.get<Incident[]>('/api/incidents')).filter((i) => i.place === '仓岙水库')).toHaveLength(1);
    } finally {
      await gauge.close();
    }
  });
});

describe('stations as CSV', () => {
  const csvCall = (role: 'admin' | 'duty', body?: Buffer) =>
    fetch(`${server.baseUrl}/api/stations-csv`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${as.tokens[role]}`, ...(body ? { 'content-type': 'text/csv' } : {}) },
      ...(body ? { body: new Uint8Array(body) } : {}),
    });

  it('exports with a BOM, re-imports unchanged, takes GB18030 from Chinese Excel, and refuses a bad file whole', async () => {
    await createStation({ code: `CSV-RTU-${run}`, name: '涂茨镇雨量站', kind: 'rain', location: { lat: 29.43, lon: 121.93 }, elements: [], sl651: { address: '0033022599', password: 'ABCD', workMode: 'M3' } });
    const forDuty = Buffer.from(await (await csvCall('duty')).arrayBuffer()).toString('utf8');
    expect(forDuty).toContain('测站编码');
    expect(forDuty).toContain('0033022599,****,M3'); // SL 651 passwords are for admins only
    const exported = Buffer.from(await (await csvCall('admin')).arrayBuffer());
    expect(exported.subarray(0, 3).toString('hex')).toBe('efbbbf');
    expect(exported.toString('utf8')).toContain('0033022599,ABCD,M3');
    const again = await (await csvCall('admin', exported)).json();
    expect(again).toMatchObject({ ok: true, data: { created: 0, updated: 0 } });
    expect(again.data.unchanged).toBe(again.data.rows);

    const gb = iconv.encode(`测站编码,测站名称,类型,纬度,经度,乡镇,警戒水位,保证水位\r\nCSV-${run},贤庠镇河道站,河道,29.37,121.77,贤庠镇,3.1,3.8\r\n`, 'gb18030');
    expect(await (await csvCall('admin', gb)).json()).toMatchObject({ ok: true, data: { rows: 1, created: 1 } });
    const stations = dataOf(await as.http.admin.get<Station[]>('/api/stations'));
    expect(stations.find((s) => s.code === `CSV-${run}`)).toMatchObject({ name: '贤庠镇河道站', kind: 'river', thresholds: { level: { warning: 3.1, guaranteed: 3.8 } } });

    const bad = Buffer.from(`code,name,kind,lat,lon\nOK-${run},好站,rain,29.3,121.8\nBAD-${run},坏站,volcano,29.3,121.8\n`);
    const refused = await (await csvCall('admin', bad)).json();
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ line: 3 }] } });
    expect(dataOf(await as.http.admin.get<Station[]>('/api/stations')).some((s) => s.code === `OK-${run}`)).toBe(false);
    expect((await csvCall('duty', gb)).status).toBe(403);
  });
});

describe('gauges over SL 651', () => {
  it('answers an M2 report with the confirmation, skips a corrupt frame and garbage, and stores the readings', async () => {
    const station = await createStation({
      code: `RTU-${run}`,
      name: '西周河道站',
      kind: 'river',
      location: { lat: 29.45, lon: 121.72 },
      elements: ['level', 'rain_total', 'voltage'],
      sl651: { address: '0012345678', password: '1234', workMode: 'M2' },
    });
    const socket = net.connect(sl651Port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk) => received.push(chunk));
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    try {
      const corrupt = frameBytes(PUBLIC_FRAMES.timedReport);
      corrupt[30] = corrupt[30]! ^ 0x55;
      const stream = Buffer.concat([Buffer.from('AT+CIPSEND\r\n'), frameBytes(PUBLIC_FRAMES.keepAlive), corrupt, frameBytes(PUBLIC_FRAMES.testReport)]);
      for (let at = 0; at < stream.length; at += 13) socket.write(stream.subarray(at, at + 13));
      const reply = await eventually(() => (Buffer.concat(received).length >= 25 ? Buffer.concat(received) : null), 10_000, 'confirmation');
      expect(reply.toString('hex').toUpperCase()).toBe(PUBLIC_FRAMES.testReportConfirmation);
      // That report was observed in 2059 by the RTU's clock: confirmed (or it would be resent forever), not stored.
      expect(await readingsOf(station.id)).toHaveLength(0);

      // The published timed report's elements, observed now, from the same RTU (address 0012345678).
      const observed = Math.floor(Date.now() / 60_000) * 60_000;
      const timed = encodeFrame({
        direction: 'up',
        centre: 1,
        station: '0012345678',
        password: '1234',
        functionCode: 0x32,
        body: Buffer.concat([Buffer.from('0042', 'hex'), beijingBcdBytes(Date.now(), 6), Buffer.from('F1F1001234567848F0F0', 'hex'), beijingBcdBytes(observed, 5), Buffer.from('201900004026190000403923000104903812AAAA', 'hex')]),
        end: 0x03,
      });
      socket.write(timed);
      socket.write(timed); // the RTU did not hear the confirmation and resends
      await eventually(() => (Buffer.concat(received).length >= 75 ? true : null), 10_000, 'two more confirmations');
      const readings = await readingsOf(station.id);
      expect(readings.map((r) => [r.element, r.observedAt, r.value]).sort()).toEqual(
        [
          ['level', observed, 10.49],
          ['rain_current', observed, 4],
          ['rain_total', observed, 4],
          ['voltage', observed, null],
        ].sort(),
      );
      const status = await ingestStatus();
      expect(status.sl651).toMatchObject({ enabled: true, port: sl651Port, confirmations: 3 });
      expect(status.sl651.corruptFrames).toBe(1);
      expect(status.sl651.garbageBytes).toBe('AT+CIPSEND\r\n'.length);
    } finally {
      socket.destroy();
    }
  });
});
