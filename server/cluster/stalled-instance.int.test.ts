import { randomBytes } from 'node:crypto';
import http from 'node:http';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceCredentials } from '../../shared/schemas/device';
import type { StationState } from '../../shared/schemas/sensor-reading';
import type { Station } from '../../shared/schemas/station';
import type { Team } from '../../shared/schemas/team';
import { TEAM_INPUT, TestClient, dataOf, eventually, httpClient, login } from '../testing/int-support';
import { clusterTestState } from '../testing/cluster-state';
import { startServer, type ServerHandle } from '../testing/server-process';

const BROKER = process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883';

/** The load of 2,000 units reporting once a second, from 200 units at 10 Hz (each fix is its own push). */
const UNITS = 200;
const RATE = 2_000;
/** Positions the other instance takes while B stands still: more than the 10,000 entries Redis streams keep. */
const TAKEN_WHILE_STALLED = 12_000;

const keyOf = (p: { teamId: string; t: number }) => `${p.teamId}@${p.t}`;

/** A team with an OsmAnd tracker; returns the tracker's id. */
async function addUnit(admin: ReturnType<typeof httpClient>, i: number): Promise<string> {
  const team = dataOf(await admin.post<Team>('/api/teams', { ...TEAM_INPUT, name: `停顿队${i}` }));
  const device = dataOf(await admin.post<DeviceCredentials>('/api/devices', { teamId: team.id, kind: 'osmand', name: `终端${i}` }));
  return device.osmandId!;
}

/**
 * An instance that stops running for a few seconds (a long pause on a starved host) and then resumes must still
 * bring its boards everything the other instances pushed meanwhile: every position and every gauge state.
 */
describe('a board on an instance that stalled', () => {
  const state = clusterTestState('stall');
  const { schema } = state;
  const env = { ...state.env, VIDEO: 'off', SEED: 'none', LOG_LEVEL: 'warn' };
  let a: ServerHandle;
  let b: ServerHandle;

  beforeAll(async () => {
    // Only A takes gauges (its own MQTT subscription): their states reach B's boards as room broadcasts.
    a = await startServer({ env: { ...env, MQTT_URL: BROKER, MQTT_CLIENT_ID: `tw-stall-${randomBytes(4).toString('hex')}`, MQTT_SESSION_EXPIRY_SECONDS: '60', SENSOR_PUSH_MS: '50' } });
    b = await startServer({ env });
  });
  afterAll(async () => {
    if (b?.pid) process.kill(b.pid, 'SIGCONT');
    await Promise.all([a?.dispose(), b?.dispose()]);
    await state.remove();
  });

  it('gets every position and gauge state taken on the other instance while it stood still', async () => {
    const admin = httpClient(a.baseUrl, await login(a.baseUrl, 'admin', env.ADMIN_PASSWORD));
    const units: string[] = [];
    for (let i = 0; i < UNITS; i += 20) units.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => addUnit(admin, i + j)))));
    const code = `RAIN-${schema}`;
    const station = dataOf(await admin.post<Station>('/api/stations', { code, name: '石浦雨量站', kind: 'rain', location: { lat: 29.2, lon: 121.94 }, elements: ['rain_total'], reportIntervalSeconds: 300 }));
    const boardOnA = new TestClient(a.baseUrl, await login(a.baseUrl, 'admin', env.ADMIN_PASSWORD));
    const boardOnB = new TestClient(b.baseUrl, await login(b.baseUrl, 'admin', env.ADMIN_PASSWORD));
    const gaugesOnB: StationState[] = [];
    boardOnB.socket.on('stations:batch', (states) => gaugesOnB.push(...states));
    const gauge = await mqtt.connectAsync(BROKER, { clientId: `gauge-${schema}` });
    const rainTotal = (value: number) => gauge.publishAsync(`tidewatch/stations/${code}/telemetry`, JSON.stringify({ ts: Date.now(), values: { rain_total: value } }), { qos: 1 });
    const seenOnB = (value: number) => gaugesOnB.some((s) => s.stationId === station.id && s.latest.rain_total?.value === value);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    let sending: NodeJS.Timeout | null = null;
    try {
      await Promise.all([boardOnA.connected(), boardOnB.connected()]);
      await Promise.all([boardOnA.request('sync:hello', { lastSeq: null }), boardOnB.request('sync:hello', { lastSeq: null })]);
      // Resent until it crosses: A's MQTT subscription may still be settling.
      await eventually(async () => {
        await rainTotal(1);
        await new Promise((r) => setTimeout(r, 200));
        return seenOnB(1);
      }, 10_000, 'a gauge state from A on the board of B');

      const from = Date.now();
      let sent = 0;
      let failed = 0;
      sending = setInterval(() => {
        for (const due = Math.floor(((Date.now() - from) / 1000) * RATE); sent < due; sent++) {
          const req = http.request({ host: '127.0.0.1', port: a.osmandPort, method: 'POST', agent, path: `/?id=${units[sent % UNITS]}&lat=29.4${sent % 97}&lon=121.8${sent % 89}&timestamp=${Date.now()}` }, (res) => {
            if (res.statusCode !== 200) failed++;
            res.resume();
          });
          req.on('error', () => failed++);
          req.end();
        }
      }, 5);
      const onA = () => boardOnA.positions.filter((p) => p.t >= from).length;
      await eventually(() => onA() >= 1_000, 10_000, 'positions flowing to the board of A');

      process.kill(b.pid!, 'SIGSTOP');
      const stalledAt = Date.now();
      const before = onA();
      await rainTotal(2);
      await eventually(() => onA() - before >= TAKEN_WHILE_STALLED, 30_000, `${TAKEN_WHILE_STALLED} positions taken on A while B stands still`);
      process.kill(b.pid!, 'SIGCONT');
      console.log(`B stood still for ${Date.now() - stalledAt} ms while A took ${onA() - before} positions`);
      await new Promise((r) => setTimeout(r, 1_000));
      clearInterval(sending);
      sending = null;

      // B catches up: what A's own board got (everything A pushed), B's board gets too.
      const expected = () => boardOnA.positions.filter((p) => p.t >= from).map(keyOf);
      const missing = () => {
        const onB = new Set(boardOnB.positions.map(keyOf));
        return expected().filter((key) => !onB.has(key));
      };
      await eventually(() => missing().length === 0 && seenOnB(2), 10_000, 'the board of B caught up').catch(() => undefined);
      console.log(`sent ${sent} (${failed} failed); board of A ${expected().length}, of B missing ${missing().length}; gauge state on B: ${seenOnB(2)}`);
      expect(failed).toBe(0);
      expect(missing()).toHaveLength(0);
      expect(seenOnB(2)).toBe(true);
    } finally {
      if (sending) clearInterval(sending);
      process.kill(b.pid!, 'SIGCONT');
      boardOnA.close();
      boardOnB.close();
      agent.destroy();
      await gauge.endAsync();
    }
  });
});
