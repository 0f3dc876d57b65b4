/** One trail vertex as the server sends it: [lon, lat, t (epoch ms)]. */
export type TrailPoint = [lon: number, lat: number, t: number];

/** Hard cap per team so a chatty device can never grow a trail without bound. */
export const MAX_TRAIL_POINTS = 2_000;

/** Drops points older than `cutoffT` in place; trails are kept in ascending t. */
export function trimTrail(trail: TrailPoint[], cutoffT: number, maxPoints = MAX_TRAIL_POINTS): void {
  let drop = 0;
  while (drop < trail.length && trail[drop]![2] < cutoffT) drop++;
  const excess = trail.length - drop - maxPoints;
  if (excess > 0) drop += excess;
  if (drop > 0) trail.splice(0, drop);
}

/** Appends a point if it is newer than the trail's end; returns whether it was added. */
export function appendToTrail(trail: TrailPoint[], point: TrailPoint, cutoffT: number, maxPoints = MAX_TRAIL_POINTS): boolean {
  if (point[2] < cutoffT) return false;
  const last = trail[trail.length - 1];
  if (last && point[2] <= last[2]) return false;
  trail.push(point);
  trimTrail(trail, cutoffT, maxPoints);
  return true;
}

/**
 * Combines a trail freshly loaded from the server with what arrived live meanwhile:
 * the loaded points, then any live points newer than the loaded end.
 */
export function mergeTrail(loaded: readonly TrailPoint[], live: readonly TrailPoint[], cutoffT: number): TrailPoint[] {
  const merged = loaded.filter((p) => p[2] >= cutoffT).sort((a, b) => a[2] - b[2]);
  const lastT = merged.length ? merged[merged.length - 1]![2] : -Infinity;
  for (const p of live) if (p[2] > lastT && p[2] >= cutoffT) merged.push(p);
  trimTrail(merged, cutoffT);
  return merged;
}
