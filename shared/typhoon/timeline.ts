import type { Agency, ForecastPoint, Grade, QuadrantRadii, Storm, TrackPoint, WindLevel, WindRadii } from '../schemas/typhoon';
import { WIND_LEVELS } from '../schemas/typhoon';
import { distanceKm, interpolate, type LatLon } from './geodesy';
import { beaufortOf, gradeOf } from './wind';

/** One point of the path the exposure follows: observed, then the chosen agency's forecast. */
export interface PathNode {
  t: number;
  centre: LatLon;
  radii: WindRadii;
  windMs: number | null;
  pressureHpa: number | null;
  grade: Grade | null;
  forecast: boolean;
}

/** The storm's state at one instant, interpolated between two nodes. */
export interface StormState extends PathNode {
  beaufort: number | null;
}

/** Longest stretch between two interpolated states. */
export const STEP_MS = 10 * 60_000;

const fromTrack = (p: TrackPoint): PathNode => ({ t: Date.parse(p.at), centre: { lat: p.lat, lon: p.lon }, radii: p.radii, windMs: p.windMs, pressureHpa: p.pressureHpa, grade: p.grade, forecast: false });
const fromForecast = (p: ForecastPoint): PathNode => ({ t: Date.parse(p.at), centre: { lat: p.lat, lon: p.lon }, radii: p.radii, windMs: p.windMs, pressureHpa: p.pressureHpa, grade: p.grade, forecast: true });

/** The agency followed when none is asked for: CMA when it has a forecast, else the first that has one. */
export function defaultAgency(storm: Storm): Agency | null {
  return storm.forecasts.find((f) => f.agency === 'BABJ')?.agency ?? storm.forecasts[0]?.agency ?? null;
}

/** Observed points in time order, then the agency's forecast points after the last observed one. */
export function pathOf(storm: Storm, agency: Agency | null): PathNode[] {
  const observed = [...storm.track].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map(fromTrack);
  const last = observed.at(-1)?.t ?? -Infinity;
  const forecast = storm.forecasts.find((f) => f.agency === agency)?.points.map(fromForecast).filter((n) => n.t > last) ?? [];
  return [...observed, ...forecast.sort((a, b) => a.t - b.t)];
}

const lerp = (a: number, b: number, f: number) => a + (b - a) * f;
const lerpOrNull = (a: number | null, b: number | null, f: number) => (a === null || b === null ? (f < 0.5 ? a : b) : lerp(a, b, f));

function lerpRadii(a: QuadrantRadii | null, b: QuadrantRadii | null, f: number): QuadrantRadii | null {
  if (!a || !b) return null;
  return { ne: lerp(a.ne, b.ne, f), se: lerp(a.se, b.se, f), sw: lerp(a.sw, b.sw, f), nw: lerp(a.nw, b.nw, f) };
}

/**
 * The state a fraction `f` of the way from node a to b: the centre along the geodesic, radii per quadrant,
 * wind and pressure linearly; a level with no data at either end has no data in between.
 */
export function stateBetween(a: PathNode, b: PathNode, f: number, centreAt: (f: number) => LatLon = (x) => interpolate(a.centre, b.centre, x)): StormState {
  const radii = Object.fromEntries(WIND_LEVELS.map((l: WindLevel) => [l, lerpRadii(a.radii[l], b.radii[l], f)])) as WindRadii;
  const wind = lerpOrNull(a.windMs, b.windMs, f);
  const windMs = wind === null ? null : Math.round(wind * 10) / 10;
  return {
    t: Math.round(lerp(a.t, b.t, f)),
    centre: centreAt(f),
    radii,
    windMs,
    pressureHpa: lerpOrNull(a.pressureHpa, b.pressureHpa, f),
    grade: windMs === null ? (f < 0.5 ? a.grade : b.grade) : gradeOf(windMs),
    beaufort: windMs === null ? null : beaufortOf(windMs),
    forecast: f < 1 ? b.forecast && a.forecast : b.forecast,
  };
}

/** The state at instant t, or null outside the path. */
export function stateAt(path: PathNode[], t: number): StormState | null {
  if (path.length === 0 || t < (path[0] as PathNode).t || t > (path.at(-1) as PathNode).t) return null;
  for (let i = 0; i < path.length - 1; i++) {
    const a = path[i] as PathNode;
    const b = path[i + 1] as PathNode;
    if (t <= b.t) return stateBetween(a, b, b.t === a.t ? 1 : (t - a.t) / (b.t - a.t));
  }
  const only = path.at(-1) as PathNode;
  return { ...only, beaufort: only.windMs === null ? null : beaufortOf(only.windMs) };
}

/** How far the centre moves from node a to b, km. */
export const segmentKm = (a: PathNode, b: PathNode): number => distanceKm(a.centre, b.centre);
