import type { Forecast, StormSchema, TrackPoint, WindRadii } from '../../../shared/schemas/typhoon';
import type { z } from 'zod';
import { distanceAndBearing, normalizeLon } from '../../../shared/typhoon/geodesy';
import { DomainError } from '../../errors';

type Storm = z.infer<typeof StormSchema>;

/** What an importer found for one storm, before it is merged into the store. */
export interface ParsedStorm {
  number: string;
  nameZh: string | null;
  nameEn: string | null;
  source: Storm['source'];
  track: TrackPoint[];
  forecasts: Forecast[];
}

export const NO_RADII: WindRadii = { level7: null, level10: null, level12: null };

/** A bad file: the answer names the line (1-based) and the field, and nothing of the file is stored. */
export function badInput(line: number | null, field: string, problem: string): DomainError {
  const where = line === null ? field : `line ${line}, ${field}`;
  return new DomainError('VALIDATION_FAILED', `${where}: ${problem}`, { line, field });
}

/** Sentinel some sources write for "radius unknown"; read as no data, never as a 9,999 km circle. */
export const MISSING_RADIUS = 9999;
/** Larger radii than this are typing errors, not storms (the largest gale radii on record are about 1,100 km). */
export const MAX_RADIUS_KM = 1500;

export function checkLat(value: number, line: number | null, field = 'latitude'): number {
  if (!Number.isFinite(value) || value < -90 || value > 90) throw badInput(line, field, `${value} is not a latitude`);
  return value;
}

/** Any longitude, east-positive; 180.5 (JMA writes east longitudes past 180) becomes -179.5. */
export function checkLon(value: number, line: number | null, field = 'longitude'): number {
  if (!Number.isFinite(value) || value < -180 || value > 360) throw badInput(line, field, `${value} is not a longitude`);
  return normalizeLon(value);
}

/**
 * Track points in time order, each time once; the movement of each point derived from the one before when the
 * source did not give it. `lines` names the source line of each point for the error.
 */
export function orderedTrack(points: TrackPoint[], lines: Array<number | null>): TrackPoint[] {
  for (let i = 1; i < points.length; i++) {
    const prev = Date.parse((points[i - 1] as TrackPoint).at);
    const here = Date.parse((points[i] as TrackPoint).at);
    if (here <= prev) throw badInput(lines[i] ?? null, 'time', `${(points[i] as TrackPoint).at} is not after the point before it (${(points[i - 1] as TrackPoint).at}); times must increase`);
  }
  return withMovement(points);
}

export function withMovement(points: TrackPoint[]): TrackPoint[] {
  return points.map((p, i) => {
    const prev = points[i - 1];
    if (!prev || (p.moveDirectionDeg !== null && p.moveSpeedKmh !== null)) return p;
    const hours = (Date.parse(p.at) - Date.parse(prev.at)) / 3_600_000;
    const { km, bearing } = distanceAndBearing(prev, p);
    return { ...p, moveDirectionDeg: p.moveDirectionDeg ?? Math.round(bearing), moveSpeedKmh: p.moveSpeedKmh ?? (hours > 0 ? Math.min(200, Math.round(km / hours)) : null) };
  });
}
