import geodesic from 'geographiclib-geodesic';
import type { Point } from '@shared/geo';

/** Farther than this from the destination (or a fix less accurate than this) and "到达" asks first. */
export const ARRIVAL_RADIUS_M = 500;
/** A fix older than this does not say where the tablet is now. */
const FIX_MAX_AGE_MS = 2 * 60_000;

export interface TabletFix extends Point {
  /** Epoch ms of the fix. */
  t: number;
  /** Metres (68 %); null when the browser gave none. */
  accuracy?: number | null;
}

export type ArrivalCheck =
  | { kind: 'near'; distance: number }
  | { kind: 'far'; distance: number }
  | { kind: 'inaccurate'; distance: number; accuracy: number }
  | { kind: 'no_fix' };

/** Ellipsoidal (WGS84) distance in metres: what "500 m from the destination" means on the ground. */
export function geodesicMetres(a: Point, b: Point): number {
  return geodesic.Geodesic.WGS84.Inverse(a.lat, a.lon, b.lat, b.lon).s12 ?? Number.POSITIVE_INFINITY;
}

/**
 * Whether "到达" may be recorded at once, judged on the tablet's own fix: anything but `near` asks the
 * team to confirm (the desk would otherwise see the team on scene while it is still kilometres away).
 */
export function checkArrival(fix: TabletFix | null, destination: Point, now = Date.now()): ArrivalCheck {
  if (!fix || now - fix.t > FIX_MAX_AGE_MS) return { kind: 'no_fix' };
  const distance = geodesicMetres(fix, destination);
  if (fix.accuracy == null || fix.accuracy > ARRIVAL_RADIUS_M) return { kind: 'inaccurate', distance, accuracy: fix.accuracy ?? Number.POSITIVE_INFINITY };
  return distance > ARRIVAL_RADIUS_M ? { kind: 'far', distance } : { kind: 'near', distance };
}
