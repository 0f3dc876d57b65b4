import type { Logger } from 'pino';
import type { Station } from '../../shared/schemas/station';
import type { Storm } from '../../shared/schemas/typhoon';
import { TOWNSHIP_OUTLINES } from '../../shared/townships';
import { townshipCentres } from '../../shared/township-geometry';
import { distanceKm, type LatLon } from '../../shared/typhoon/geodesy';
import { defaultAgency, pathOf, stateAt, type PathNode } from '../../shared/typhoon/timeline';
import { IntervalJob } from '../jobs/interval-job';
import type { SensorIngest } from '../sensors/sensor-ingest';
import { simulatedReadings } from './simulated-station';

export interface GaugeSimulationOptions {
  /** The registered stations (the live registry). */
  stations: () => readonly Station[];
  /** Storms the board follows (not archived). */
  storms: () => Promise<Storm[]>;
  ingest: Pick<SensorIngest, 'accept'>;
  /** The storm time at start (SIMULATE_STORM_CLOCK): a past storm such as the seeded Lekima then drives the gauges. Null: now, live storms only. */
  stormClock: number | null;
  /** Storm time per real time (SIMULATE_SPEED). */
  speed: number;
  seed: number;
  logger: Logger;
  clock?: () => number;
}

/** The storm a simulation follows at storm time `t`: of those whose path covers it, the one nearest the county. */
export function stormToFollow(storms: readonly Storm[], t: number, county: LatLon, historicalToo: boolean): { storm: Storm; path: PathNode[] } | null {
  let best: { storm: Storm; path: PathNode[]; km: number } | null = null;
  for (const storm of storms) {
    if (storm.archived || (storm.historical && !historicalToo)) continue;
    const path = pathOf(storm, defaultAgency(storm));
    const state = stateAt(path, t);
    if (!state) continue;
    const km = distanceKm(state.centre, county);
    if (!best || km < best.km) best = { storm, path, km };
  }
  return best ? { storm: best.storm, path: best.path } : null;
}

/**
 * SIMULATE=1: every registered gauge reports what the storm would make it read, through the real ingest path
 * (`ingest.accept(stationId, 'simulated', readings)`), so thresholds, alarms and drafted incidents follow as for
 * real gauges. Reports go once a storm-minute (at most once a second, at least once a minute of real time);
 * with SIMULATE_SPEED above 1 each report carries the rain of the storm time it stands for.
 */
export function startGaugeSimulation(options: GaugeSimulationOptions): () => void {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const centres = new Map(townshipCentres(TOWNSHIP_OUTLINES).map((c) => [c.name, { lat: c.lat, lon: c.lon }]));
  const county = centres.get('丹东街道') ?? { lat: 29.47, lon: 121.87 };
  const tickMs = Math.min(60_000, Math.max(1_000, Math.round(60_000 / options.speed)));
  const stormTimeAt = (now: number) => (options.stormClock === null ? now : options.stormClock + (now - started) * options.speed);
  let last = started - tickMs;
  let following: string | null | undefined;

  const tick = async () => {
    const now = clock();
    const stormT = stormTimeAt(now);
    const stepMs = Math.max(0, now - last) * options.speed;
    last = now;
    const followed = stormToFollow(await options.storms(), stormT, county, options.stormClock !== null);
    if ((followed?.storm.id ?? null) !== following) {
      following = followed?.storm.id ?? null;
      options.logger.info({ storm: followed ? `${followed.storm.number} ${followed.storm.nameEn ?? ''}`.trim() : null, stormTime: new Date(stormT).toISOString() }, followed ? 'gauge simulation follows a storm' : 'gauge simulation: no storm over the county, quiet weather');
    }
    const path = followed?.path ?? [];
    await Promise.allSettled(
      options.stations().map((station) => {
        const readings = simulatedReadings(station, { path, stormT, stepMs, observedAt: now, seed: options.seed, townshipCentre: centres.get(station.township) ?? null });
        return options.ingest.accept(station.id, 'simulated', readings);
      }),
    );
  };
  const job = new IntervalJob({ name: 'gauge-simulation', everyMs: tickMs, pass: tick, whileRunning: 'join', logger: options.logger });
  job.start();
  options.logger.info({ tickMs, speed: options.speed, stormClock: options.stormClock === null ? null : new Date(options.stormClock).toISOString() }, 'gauge simulation running: every gauge reports through the ingest');
  return () => void job.close();
}
