import type { Agency, Grade, Storm, WindLevel } from '@shared/schemas/typhoon';
import { WIND_LEVELS } from '@shared/schemas/typhoon';
import { windCircleRing } from '@shared/typhoon/circles';
import { probabilityRings } from './probabilityCircles';
import { latestState, replayRange, replayState, trackUntil } from './replay';

type LonLat = [number, number];

/** One storm as the map draws it, at its newest observed point or at the replay time. */
export interface StormScene {
  id: string;
  label: string;
  historical: boolean;
  /** Observed track up to the shown time, one segment per pair of points, coloured by the first point's grade. */
  segments: Array<{ from: LonLat; to: LonLat; grade: Grade | null }>;
  points: Array<{ at: string; lonLat: LonLat; grade: Grade | null }>;
  centre: { at: number; lonLat: LonLat; grade: Grade | null } | null;
  /** Closed [lon, lat] rings by level; null: no data for the level (or no wind of that force). */
  circles: Record<WindLevel, number[][] | null>;
  /** Forecast tracks, from the newest observed point on; only when live (a replay shows no forecast). */
  forecasts: Array<{ agency: Agency; points: Array<{ at: string; lonLat: LonLat }> }>;
  probability: Array<{ at: string; km: number; ring: number[][] }>;
}

/** Longitudes of a line made continuous across 180° (each within 180° of the previous one). */
export function unwrapLine(lons: readonly number[]): number[] {
  const out: number[] = [];
  for (const lon of lons) {
    const prev = out.at(-1);
    let x = lon;
    if (prev !== undefined) {
      while (x - prev > 180) x -= 360;
      while (x - prev < -180) x += 360;
    }
    out.push(x);
  }
  return out;
}

/**
 * The scene of one storm at `replayAt` (epoch ms, clamped into its observed span), or live when null: the
 * track so far, the centre and its wind circles by quadrant (geodesic, from shared/typhoon), and when live
 * each agency's forecast and the 70 % circles along the Chinese one.
 */
export function stormScene(storm: Storm, replayAt: number | null): StormScene {
  const range = replayRange(storm);
  const t = replayAt === null || !range ? null : Math.min(range.end, Math.max(range.start, replayAt));
  const state = t === null ? latestState(storm) : replayState(storm, t);
  const observed = trackUntil(storm, t);
  const lons = unwrapLine([...observed.map((p) => p.lon), ...(state ? [state.centre.lon] : [])]);
  const points = observed.map((p, i) => ({ at: p.at, lonLat: [lons[i] as number, p.lat] as LonLat, grade: p.grade }));
  const centreLonLat: LonLat | null = state ? [lons.at(-1) as number, state.centre.lat] : null;
  const line = centreLonLat && t !== null ? [...points.map((p) => ({ lonLat: p.lonLat, grade: p.grade })), { lonLat: centreLonLat, grade: state?.grade ?? null }] : points;
  const segments = line.slice(1).map((p, i) => ({ from: (line[i] as { lonLat: LonLat }).lonLat, to: p.lonLat, grade: (line[i] as { grade: Grade | null }).grade }));
  const circles = Object.fromEntries(WIND_LEVELS.map((l) => [l, state?.radii[l] ? windCircleRing(state.centre, state.radii[l]) : null])) as Record<WindLevel, number[][] | null>;
  const live = t === null;
  const forecasts = live
    ? storm.forecasts.map((f) => {
        const pts = [...f.points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
        const fl = unwrapLine([centreLonLat?.[0] ?? pts[0]?.lon ?? 0, ...pts.map((p) => p.lon)]).slice(1);
        return { agency: f.agency, points: pts.map((p, i) => ({ at: p.at, lonLat: [fl[i] as number, p.lat] as LonLat })) };
      })
    : [];
  const cma = live ? storm.forecasts.find((f) => f.agency === 'BABJ') : undefined;
  return {
    id: storm.id,
    label: storm.nameZh ?? storm.nameEn ?? storm.number,
    historical: storm.historical,
    segments,
    points,
    centre: state && centreLonLat ? { at: state.t, lonLat: centreLonLat, grade: state.grade } : null,
    circles,
    forecasts,
    probability: cma ? probabilityRings(cma) : [],
  };
}

/** What the map reports to tests about the storms it drew. */
export function sceneSummary(scenes: readonly StormScene[]) {
  return scenes.map((s) => ({
    id: s.id,
    centre: s.centre ? { at: new Date(s.centre.at).toISOString(), lon: s.centre.lonLat[0], lat: s.centre.lonLat[1] } : null,
    circles: Object.fromEntries(WIND_LEVELS.map((l) => [l, s.circles[l]?.length ?? 0])) as Record<WindLevel, number>,
    segments: s.segments.length,
    forecasts: s.forecasts.map((f) => f.agency),
    probability: s.probability.length,
  }));
}
