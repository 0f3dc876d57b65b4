import type { Station } from '../../shared/schemas/station';
import type { LatLon } from '../../shared/typhoon/geodesy';
import type { PathNode } from '../../shared/typhoon/timeline';
import type { IncomingReading } from '../sensors/sensor-ingest';
import { astronomicalTide, effectiveRain, rainRate, seeded, surge, viewFrom, windSpeed } from './storm-gauges';

const HOUR_MS = 3_600_000;
/** How long a level takes to answer the rain: a river within hours, a reservoir's catchment later. */
const LAG_HOURS = { river: 3, reservoir: 8 } as const;
/** Effective rain (mm) that lifts a level from its resting place to its guaranteed line. */
const RAIN_TO_GUARANTEED_MM = 150;

export interface SimulationMoment {
  /** The storm's path (observed, then forecast); empty: no storm, the gauges read quiet weather. */
  path: readonly PathNode[];
  /** The instant of storm time the readings describe. */
  stormT: number;
  /** Storm time since the station's previous report (the rain that fell in between). */
  stepMs: number;
  /** The observation time written on the readings (real time). */
  observedAt: number;
  seed: number;
  /** Where the station's township is (the storm's circles are judged there); the station's own place otherwise. */
  townshipCentre: LatLon | null;
}

type SimulatedStation = Pick<Station, 'id' | 'kind' | 'location' | 'elements' | 'thresholds'>;

/** The rain rate the station sees at an instant of storm time, with its own fixed share (0.8–1.2) of the storm's rain. */
function stationRate(station: SimulatedStation, moment: SimulationMoment, t: number): number {
  if (moment.path.length === 0) return 0;
  const view = viewFrom(moment.path, t, moment.townshipCentre ?? station.location);
  return view ? rainRate(view) * (0.8 + 0.4 * seeded(moment.seed, station.id)) : 0;
}

/** What a station reports at one moment of the simulated storm, as the ingest takes it. */
export function simulatedReadings(station: SimulatedStation, moment: SimulationMoment): IncomingReading[] {
  const at = moment.observedAt;
  const out: IncomingReading[] = [];
  const add = (element: IncomingReading['element'], value: number, digits: number) => out.push({ element, observedAt: at, value: Number(value.toFixed(digits)) });
  const has = (e: IncomingReading['element']) => station.elements.includes(e);
  const place = moment.townshipCentre ?? station.location;
  const view = moment.path.length ? viewFrom(moment.path, moment.stormT, place) : null;

  if (has('rain') || station.kind === 'rain') {
    const middle = moment.stormT - moment.stepMs / 2;
    const jitter = 0.9 + 0.2 * seeded(moment.seed, `${station.id}:${Math.floor(moment.stormT / 60_000)}`);
    add('rain', stationRate(station, moment, middle) * (moment.stepMs / HOUR_MS) * jitter, 1);
  }
  const lines = station.thresholds.level;
  if (station.kind === 'river' || station.kind === 'reservoir') {
    const rest = lines?.warning != null ? lines.warning - 1.2 : 2;
    const top = lines?.guaranteed ?? (lines?.warning != null ? lines.warning + 1 : rest + 2);
    const rain = effectiveRain((t) => stationRate(station, moment, t), moment.stormT, LAG_HOURS[station.kind]);
    const level = rest + (top + 0.3 - rest) * Math.min(1.3, rain / RAIN_TO_GUARANTEED_MM);
    add(station.kind === 'reservoir' ? 'level_upstream' : 'level', level, 2);
  }
  if (station.kind === 'tide') {
    const mean = lines?.warning != null ? lines.warning - 1.6 : 2;
    add('level', mean + astronomicalTide(moment.stormT, 1.2) + surge(view), 2);
  }
  if (station.kind === 'wind' || has('wind_speed')) {
    const speed = view ? windSpeed(view) : 3;
    add('wind_speed', speed * (0.92 + 0.16 * seeded(moment.seed, `${station.id}:w:${Math.floor(moment.stormT / 60_000)}`)), 1);
    // Counter-clockwise round the centre (northern hemisphere): north of the centre the wind comes from the east.
    if (view) add('wind_dir', (view.bearingDeg + 90) % 360, 0);
  }
  if (has('voltage')) add('voltage', 12.6, 1);
  return out;
}
