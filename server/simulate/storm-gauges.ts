import type { QuadrantRadii } from '../../shared/schemas/typhoon';
import { quadrantOf } from '../../shared/typhoon/circles';
import { distanceAndBearing, type LatLon } from '../../shared/typhoon/geodesy';
import { stateAt, type PathNode } from '../../shared/typhoon/timeline';

/**
 * The storm-driven gauge model (SIMULATE=1): what a gauge would read as a typhoon passes, from the storm's
 * distance and its 7- and 10-level wind circles. Pure and deterministic for a seed; not a hydrological model,
 * only plausible enough that a demo or drill walks through gauge → alarm → drafted incident → dispatch.
 *
 * - Rain: heaviest inside the 10-level circle (up to ~40 mm/h for a strong typhoon: three hours of it meet the red
 *   rainstorm criterion, 100 mm in 3 h), weaker between the 10- and 7-level circles, a thin tail beyond.
 * - River and reservoir levels: the rain of the last two days through a lagged response (a river answers in
 *   hours, a reservoir later), lifting the level from below its warning line past its guaranteed line.
 * - Tides: the semi-diurnal tide plus a surge that grows as the centre nears the coast.
 * - Wind: force 10 and more inside the 10-level circle, force 7 to 10 between the circles.
 */

export const MAX_RAIN_MM_PER_H = 48;
/** Circles a storm bulletin leaves out (a weak storm, a gap in the data), in km. */
const DEFAULT_R7_KM = 220;
const DEFAULT_R10_KM = 70;
const HOUR_MS = 3_600_000;

/** The storm where a station sees it: distance, and the 7/10-level radii toward the station. */
export interface StormView {
  distanceKm: number;
  /** From the centre to the station, degrees. */
  bearingDeg: number;
  r7Km: number;
  r10Km: number;
  windMs: number;
}

/** The radius of a circle in the quadrant that faces `bearing` (from the centre), or null without that circle. */
export const radiusToward = (radii: QuadrantRadii | null, bearing: number): number | null => (radii ? radii[quadrantOf(bearing)] : null);

/** The storm seen from `point` at instant `t` of its path, or null when the path does not cover `t`. */
export function viewFrom(path: readonly PathNode[], t: number, point: LatLon): StormView | null {
  const state = stateAt([...path], t);
  if (!state) return null;
  const { km, bearing } = distanceAndBearing(state.centre, point);
  const r7 = radiusToward(state.radii.level7, bearing) ?? DEFAULT_R7_KM;
  const r10 = Math.min(radiusToward(state.radii.level10, bearing) ?? DEFAULT_R10_KM, r7);
  return { distanceKm: km, bearingDeg: bearing, r7Km: Math.max(r7, 1), r10Km: Math.max(r10, 0), windMs: state.windMs ?? 25 };
}

/** How strong the storm's rain is: a tropical storm gives about half of what a strong typhoon gives. */
const intensity = (windMs: number) => Math.min(1.2, Math.max(0.5, windMs / 40));

/** Rain rate (mm/h) at a distance; never rises as the distance grows, never above MAX_RAIN_MM_PER_H. */
export function rainRate(view: StormView): number {
  const peak = 40 * intensity(view.windMs);
  const { distanceKm: d, r7Km: r7, r10Km: r10 } = view;
  let rate: number;
  if (d <= r10) rate = peak * (1 - 0.25 * (r10 > 0 ? d / r10 : 1));
  else if (d <= r7) rate = peak * (0.75 - 0.6 * ((d - r10) / Math.max(1, r7 - r10)));
  else rate = peak * 0.15 * Math.exp(-(d - r7) / 120);
  return Math.min(MAX_RAIN_MM_PER_H, Math.max(0, rate));
}

/** Mean wind (m/s) at a distance: force 10 (24.5 m/s) at the 10-level circle, force 7 (13.9 m/s) at the 7-level one. */
export function windSpeed(view: StormView): number {
  const { distanceKm: d, r7Km: r7, r10Km: r10 } = view;
  const top = Math.max(24.5, Math.min(view.windMs, 60));
  if (d <= r10) return 24.5 + (top - 24.5) * 0.6 * (1 - (r10 > 0 ? d / r10 : 1));
  if (d <= r7) return 13.9 + (24.5 - 13.9) * ((r7 - d) / Math.max(1, r7 - r10));
  return 3 + 10.9 * Math.exp(-(d - r7) / 150);
}

/** Storm surge (m) on the coast: negligible beyond 300 km, up to ~1.6 m for a strong typhoon close by. */
export function surge(view: StormView | null): number {
  if (!view) return 0;
  return 1.6 * intensity(view.windMs) * Math.exp(-((view.distanceKm / 120) ** 2));
}

/** The semi-diurnal tide (M2, 12.42 h) around mean sea level, amplitude `amplitude` m. */
export const astronomicalTide = (t: number, amplitude: number): number => amplitude * Math.cos((2 * Math.PI * t) / (12.42 * HOUR_MS));

/**
 * Rain of the past hours through a lagged response (a gamma-shaped unit hydrograph peaking `lagHours` after the
 * rain): the rain (mm) that the level is answering to now. `rateAt` gives mm/h at an instant of storm time.
 */
export function effectiveRain(rateAt: (t: number) => number, t: number, lagHours: number): number {
  const stepH = 0.25;
  let sum = 0;
  let weights = 0;
  for (let h = 0; h <= lagHours * 4; h += stepH) {
    const w = (h / lagHours) * Math.exp(1 - h / lagHours);
    sum += w * rateAt(t - h * HOUR_MS) * stepH;
    weights += w * stepH;
  }
  // Normalised so a steady rate r for a long time gives r × lagHours × 2 (the catchment holds about two lags of rain).
  return weights > 0 ? (sum / weights) * lagHours * 2 : 0;
}

/** A number in [0, 1) fixed by the seed and the key (no state, so every run with the seed draws the same). */
export function seeded(seed: number, key: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
  return ((h ^ (h >>> 15)) >>> 0) / 4_294_967_296;
}
