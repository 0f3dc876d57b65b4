import { randomBytes } from 'node:crypto';
import mqtt from 'mqtt';
import { io } from 'socket.io-client';
import type { IngestStatus, StationState } from '../../shared/schemas/sensor-reading';
import { freePort, startServer } from '../../server/testing/server-process';
import { dataOf, httpClient, login } from '../../server/testing/int-support';
import { readProcess } from '../positions/process-stats';
import { percentile } from '../positions/protocol';
import { RtuFleet } from './rtu-fleet';

/**
 * `npm run bench:sensors`: 2,000 MQTT stations reporting every 60 s, 200 bursting every 5 s, 200 SL 651 RTUs over
 * TCP every 60 s, against the real Mosquitto. Measures reading → pushed-to-a-board-socket latency (p99 ≤ 500 ms),
 * that every reading sent is stored once, and the server's CPU; beside it a bare mqtt.js subscriber that only
 * counts the same messages (the baseline). BENCH_SHORT=1: a tenth of the stations for 20 s.
 */
const SHORT = process.env.BENCH_SHORT === '1';
const SLOW = SHORT ? 200 : 2_000;
const BURSTING = SHORT ? 20 : 200;
const RTUS = SHORT ? 20 : 200;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? (SHORT ? 20 : 120)) * 1_000;
const BROKER = process.env.BENCH_MQTT_URL ?? 'mqtt://127.0.0.1:1883';
const P99_LIMIT_MS = 500;

async function inBatches<T>(count: number, parallel: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += parallel) out.push(...(await Promise.all(Array.from({ length: Math.min(parallel, count - i) }, (_, j) => make(i + j)))));
  return out;
}

async function main(): Promise<void> {
  const run = randomBytes(3).toString('hex');
  const sl651Port = await freePort();
  const server = await startServer({ env: { LOG_LEVEL: 'warn', MQTT_URL: BROKER, MQTT_CLIENT_ID: `tidewatch-bench-${run}`, MQTT_SESSION_EXPIRY_SECONDS: '120', SL651_PORT: String(sl651Port) } });
  try {
    const admin = httpClient(server.baseUrl, await login(server.baseUrl, 'admin', server.adminPassword));
    const mqttCodes = Array.from({ length: SLOW + BURSTING }, (_, i) => `B${run}-${i}`);
    const ids = await inBatches(mqttCodes.length, 16, async (i) =>
      dataOf(await admin.post<{ id: string }>('/api/stations', { code: mqttCodes[i], name: `压测站${i}`, kind: 'river', location: { lat: 29.3 + (i % 50) * 0.004, lon: 121.8 + Math.floor(i / 50) * 0.002 }, township: '丹东街道', elements: ['level', 'rain'], reportIntervalSeconds: 60 })).id,
    );
    const mqttStation = new Set(ids);
    const addresses = Array.from({ length: RTUS }, (_, i) => `0099${String(i).padStart(6, '0')}`);
    const rtuIds = await inBatches(RTUS, 16, async (i) =>
      dataOf(await admin.post<{ id: string }>('/api/stations', { code: `R${run}-${i}`, name: `压测RTU${i}`, kind: 'river', location: { lat: 29.4, lon: 121.9 }, township: '丹东街道', elements: ['level', 'rain_total', 'voltage'], reportIntervalSeconds: 60, sl651: { address: addresses[i], password: '1234', workMode: 'M2' } })).id,
    );
    const rtuOfStation = new Map(rtuIds.map((id, i) => [id, i]));
    const password = `bench-${randomBytes(6).toString('hex')}`;
    dataOf(await admin.post('/api/users', { username: 'bench-wall', displayName: '压测大屏', role: 'wall', password }));
    const wallToken = await login(server.baseUrl, 'bench-wall', password);

    // The board: latency from a reading's observation time (MQTT, ms precise) or its RTU's send time (SL 651).
    const latencies: number[] = [];
    const board = io(server.baseUrl, { auth: { token: wallToken }, transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve, reject) => board.once('connect', resolve).once('connect_error', reject));
    await board.timeout(10_000).emitWithAck('sync:hello', { lastSeq: null });
    const rtus = new RtuFleet(sl651Port, addresses);
    const seenLevel = new Map<string, number>();
    board.on('stations:batch', (states: StationState[]) => {
      const now = Date.now();
      for (const state of states) {
        const level = state.latest.level;
        if (!level || seenLevel.get(state.stationId) === level.observedAt) continue;
        seenLevel.set(state.stationId, level.observedAt);
        if (mqttStation.has(state.stationId)) latencies.push(now - level.observedAt);
        const rtu = rtuOfStation.get(state.stationId);
        if (rtu !== undefined && rtus.sentAt.has(rtu)) latencies.push(now - rtus.sentAt.get(rtu)!);
      }
    });

    // The baseline: a bare subscriber that only counts (and times) the same MQTT messages.
    const baseline = { received: 0, latencies: [] as number[] };
    const bare = await mqtt.connectAsync(BROKER, { clientId: `bench-bare-${run}` });
    bare.on('message', (_topic, payload) => {
      baseline.received += 1;
      baseline.latencies.push(Date.now() - (JSON.parse(payload.toString()) as { ts: number }).ts);
    });
    await bare.subscribeAsync('tidewatch/stations/+/telemetry', { qos: 1 });
    const publisher = await mqtt.connectAsync(BROKER, { clientId: `bench-pub-${run}` });
    await rtus.connect();

    let published = 0;
    let readingsSent = 0;
    let serial = 1;
    const before = readProcess(server.pid!);
    const startedAt = Date.now();
    const offsets = mqttCodes.map((_, i) => (i < SLOW ? (i * 60_000) / SLOW : ((i - SLOW) * 5_000) / BURSTING));
    const nextDue = offsets.map((o) => startedAt + o);
    const rtuDue = addresses.map((_, i) => startedAt + (i * 60_000) / RTUS);
    while (Date.now() - startedAt < DURATION_MS) {
      const now = Date.now();
      for (let i = 0; i < mqttCodes.length; i += 1) {
        if (nextDue[i]! > now) continue;
        nextDue[i]! += i < SLOW ? 60_000 : 5_000;
        const ts = Date.now();
        published += 1;
        readingsSent += 2;
        void publisher.publishAsync(`tidewatch/stations/${mqttCodes[i]}/telemetry`, JSON.stringify({ ts, values: { level: 2 + (i % 100) / 100, rain: 0.5 } }), { qos: 1 });
      }
      for (let i = 0; i < RTUS; i += 1) {
        if (rtuDue[i]! > now) continue;
        rtuDue[i]! += 60_000;
        rtus.send(i, serial++);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const elapsed = (Date.now() - startedAt) / 1000;
    const after = readProcess(server.pid!);
    await new Promise((r) => setTimeout(r, 3_000)); // drain
    const status = dataOf(await admin.get<IngestStatus>('/api/stations/ingest'));
    const sent = readingsSent + rtus.readingsSent;
    const p = (values: number[], q: number) => Math.round(percentile([...values].sort((a, b) => a - b), q));
    const report = {
      stations: { mqttSlow: SLOW, mqttBursting: BURSTING, sl651: RTUS },
      seconds: Math.round(elapsed),
      messages: { mqtt: published, sl651: serial - 1, confirmations: rtus.confirmations },
      readings: { sent, stored: status.readingsStored, duplicates: status.duplicatesIgnored, lost: sent - status.readingsStored },
      latencyMs: { samples: latencies.length, p50: p(latencies, 50), p95: p(latencies, 95), p99: p(latencies, 99), max: Math.max(0, ...latencies) },
      serverCpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 1000) / 10,
      serverRssMb: Math.round(after.rssMb),
      baseline: { received: baseline.received, p50: p(baseline.latencies, 50), p99: p(baseline.latencies, 99) },
    };
    console.log(JSON.stringify(report, null, 2));
    const ok = report.latencyMs.p99 <= P99_LIMIT_MS && report.readings.lost === 0;
    console.log(ok ? `bench:sensors OK (p99 ${report.latencyMs.p99} ms ≤ ${P99_LIMIT_MS} ms, no reading lost)` : 'bench:sensors FAILED its targets');
    board.close();
    rtus.close();
    await publisher.endAsync();
    await bare.endAsync();
    process.exitCode = ok ? 0 : 1;
  } finally {
    await server.dispose();
  }
}

await main();
