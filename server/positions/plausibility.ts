import type { z } from 'zod';
import { FixSchema, type Fix } from '../../shared/schemas/position';

export const MAX_FUTURE_MS = 5 * 60_000;
export const MAX_AGE_MS = 7 * 24 * 3_600_000;
export const MAX_ACCURACY_M = 5_000;

export type RejectReason = 'out_of_range' | 'future_timestamp' | 'too_old' | 'null_island' | 'inaccurate';

export type FixCheck = { fix: Fix; reason: null } | { fix: null; reason: RejectReason };

/** A fix as ingest assembles it from a request that already passed its schema; a missing value is unknown. */
export type FixCandidate = Pick<Fix, 'teamId' | 'deviceId' | 'lat' | 'lon' | 't'> & {
  [K in 'speed' | 'heading' | 'accuracy' | 'altitude' | 'battery']?: Fix[K] | undefined;
};

/** The bounds FixSchema sets, read from it so the two cannot drift apart. */
const boundsOf = (schema: z.ZodNumber): readonly [number, number] => [schema.minValue ?? -Infinity, schema.maxValue ?? Infinity];
const shape = FixSchema.shape;
const LAT = boundsOf(shape.lat);
const LON = boundsOf(shape.lon);
const SPEED = boundsOf(shape.speed.unwrap());
const HEADING = boundsOf(shape.heading.unwrap());
const ACCURACY = boundsOf(shape.accuracy.unwrap());
const ALTITUDE = boundsOf(shape.altitude.unwrap());
const BATTERY = boundsOf(shape.battery.unwrap());
const TEAM_ID_LENGTH = [shape.teamId.minLength ?? 0, shape.teamId.maxLength ?? Infinity] as const;

// NaN fails both comparisons; zod refuses infinite numbers, and so do the finite bounds here.
const within = (value: number, [min, max]: readonly [number, number]): boolean => typeof value === 'number' && value >= min && value <= max && Number.isFinite(value);
const withinOrNull = (value: number | null, bounds: readonly [number, number]): boolean => value === null || within(value, bounds);

/**
 * Whether a typed fix breaks a bound of FixSchema. Every request was validated by its own schema at the
 * edge (socket payloads by FieldFixSchema, tracker protocols by theirs); this checks the normalised
 * numbers once more without parsing the fix again, which would cost more than the rest of ingest.
 */
function outOfRange(fix: Fix): boolean {
  return !(
    within(fix.lat, LAT) &&
    within(fix.lon, LON) &&
    Number.isSafeInteger(fix.t) &&
    withinOrNull(fix.speed, SPEED) &&
    withinOrNull(fix.heading, HEADING) &&
    withinOrNull(fix.accuracy, ACCURACY) &&
    withinOrNull(fix.altitude, ALTITUDE) &&
    withinOrNull(fix.battery, BATTERY) &&
    typeof fix.deviceId === 'string' &&
    typeof fix.teamId === 'string' &&
    fix.teamId.length >= TEAM_ID_LENGTH[0] &&
    fix.teamId.length <= TEAM_ID_LENGTH[1]
  );
}

function implausibility(fix: Fix, nowMs: number): RejectReason | null {
  if (fix.t > nowMs + MAX_FUTURE_MS) return 'future_timestamp';
  if (fix.t < nowMs - MAX_AGE_MS) return 'too_old';
  // A GPS chip without a fix reports 0/0; nobody in Xiangshan is in the Gulf of Guinea.
  if (fix.lat === 0 && fix.lon === 0) return 'null_island';
  if (fix.accuracy !== null && fix.accuracy > MAX_ACCURACY_M) return 'inaccurate';
  return null;
}

/**
 * Why a fix cannot be taken: outside FixSchema's bounds, or not what a real tracker can send.
 * A known device's rejected fix is answered 200 and dropped (see ingest), so the reason is for the admin.
 */
export function rejectReason(fix: Fix, nowMs: number): RejectReason | null {
  return outOfRange(fix) ? 'out_of_range' : implausibility(fix, nowMs);
}

/** Completes a candidate (missing values become null) and checks it. */
export function checkFix(candidate: FixCandidate, nowMs: number): FixCheck {
  const fix: Fix = {
    teamId: candidate.teamId,
    deviceId: candidate.deviceId,
    lat: candidate.lat,
    lon: candidate.lon,
    t: candidate.t,
    speed: candidate.speed ?? null,
    heading: candidate.heading ?? null,
    accuracy: candidate.accuracy ?? null,
    altitude: candidate.altitude ?? null,
    battery: candidate.battery ?? null,
    receivedAt: nowMs,
  };
  const reason = rejectReason(fix, nowMs);
  return reason ? { fix: null, reason } : { fix, reason: null };
}
