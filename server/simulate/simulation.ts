import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from '../../shared/schemas/event';
import type { TidewatchApp } from '../app';
import type { Config } from '../config/config';
import { DEMO_LOOPS, positionAlong } from './demo-loops';
import { IntervalJob } from '../jobs/interval-job';
import { startGaugeSimulation } from './gauge-simulation';

interface SimulatedDevice {
  teamId: string;
  kind: 'osmand' | 'owntracks';
  osmandId: string | null;
  user: string | null;
  password: string | null;
}

const KNOTS_PER_MPS = 1.943_844;

/**
 * SIMULATE=1: moves demo teams around their loops through registered devices that post to the real
 * ingest endpoints over HTTP (OsmAnd on its port, one unit over OwnTracks), exactly as field devices do, and
 * has every gauge report what the storm over the county would make it read (see gauge-simulation.ts).
 */
export async function startSimulation({ app, config, logger }: { app: TidewatchApp; config: Config; logger: Logger }): Promise<() => void> {
  const devices = await ensureDevices(app, config.dataDir);
  const started = Date.now();
  const tick = async () => {
    const now = Date.now();
    await Promise.allSettled(
      devices.map(async (device, i) => {
        const loop = DEMO_LOOPS[device.teamId];
        if (!loop) return;
        const { point, heading } = positionAlong(loop, ((now - started) / 1000) * loop.speedMps + i * 700);
        if (device.kind === 'osmand' && device.osmandId) {
          const query = new URLSearchParams({ id: device.osmandId, lat: point.lat.toFixed(6), lon: point.lon.toFixed(6), timestamp: String(Math.floor(now / 1000)), speed: (loop.speedMps * KNOTS_PER_MPS).toFixed(1), bearing: heading.toFixed(0), accuracy: '8', batt: '87' });
          await fetch(`http://127.0.0.1:${config.OSMAND_PORT}/?${query}`, { method: 'POST' });
        } else if (device.user && device.password) {
          await fetch(`http://127.0.0.1:${config.PORT}/ingest/owntracks`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${device.user}:${device.password}`).toString('base64')}` },
            body: JSON.stringify({ _type: 'location', lat: point.lat, lon: point.lon, tst: Math.floor(now / 1000), tid: 'SM', acc: 10, vel: Math.round(loop.speedMps * 3.6), cog: Math.round(heading), batt: 76 }),
          });
        }
      }),
    );
  };
  const job = new IntervalJob({ name: 'simulation', everyMs: 2_000, pass: tick, whileRunning: 'join', runAtStart: false, logger });
  job.start();
  logger.info({ units: devices.length }, 'simulation running: demo teams move through simulated OsmAnd and OwnTracks devices');
  const stopGauges = startGaugeSimulation({
    stations: () => app.services.sensors.live.stations(),
    storms: () => app.services.typhoons.list(),
    ingest: app.services.sensors.ingest,
    stormClock: config.SIMULATE_STORM_CLOCK ?? null,
    speed: config.SIMULATE_SPEED,
    seed: 1,
    logger,
  });
  return () => {
    void job.close();
    stopGauges();
  };
}

/** Registers the simulated devices once and remembers their credentials under the data dir. */
async function ensureDevices(app: TidewatchApp, dataDir: string): Promise<SimulatedDevice[]> {
  const file = path.join(dataDir, 'simulator-devices.json');
  const saved = await fs.readFile(file, 'utf8').then((text) => JSON.parse(text) as SimulatedDevice[]).catch(() => null);
  if (saved && (await Promise.all(saved.map((d) => (d.osmandId ? app.services.devices.resolveOsmand(d.osmandId) : app.services.devices.resolveOwntracks(d.user ?? '', d.password ?? ''))))).every(Boolean)) {
    return saved;
  }
  const teamIds = new Set((await app.services.teams.list()).map((t) => t.id));
  const result: SimulatedDevice[] = [];
  for (const [index, teamId] of Object.keys(DEMO_LOOPS).filter((id) => teamIds.has(id)).entries()) {
    const kind = index === 1 ? 'owntracks' : 'osmand';
    const credentials = await app.services.devices.register({ teamId, kind, name: `模拟终端 ${index + 1}` }, SYSTEM_ACTOR);
    result.push({ teamId, kind, osmandId: credentials.osmandId, user: credentials.owntracksUser, password: credentials.owntracksPassword });
  }
  await fs.writeFile(file, JSON.stringify(result, null, 2), { mode: 0o600 });
  return result;
}
