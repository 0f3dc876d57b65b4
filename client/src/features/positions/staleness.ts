import { heardAtOf, type LatestPosition } from '@shared/schemas/position';

/** A team is stale when its newest fix is older than the threshold, or it never reported at all. */
export function isStale(lastFixT: number | null | undefined, now: number, staleAfterSeconds: number): boolean {
  if (lastFixT == null) return true;
  return now - lastFixT > staleAfterSeconds * 1000;
}

/** Whole minutes since `t`, never negative (clocks drift between devices and server). */
export function minutesSince(t: number, now: number): number {
  return Math.max(0, Math.floor((now - t) / 60_000));
}

/** 失联: the team's device has not been heard for the threshold (or never reported). */
export function isSilent(latest: LatestPosition | undefined, now: number, staleAfterSeconds: number): boolean {
  return isStale(latest ? heardAtOf(latest) : null, now, staleAfterSeconds);
}

/** 位置未更新: the device is heard (a phone indoors, a stationary heartbeat) but its position is old. */
export function isPositionOld(latest: LatestPosition | undefined, now: number, staleAfterSeconds: number): boolean {
  return latest !== undefined && !isSilent(latest, now, staleAfterSeconds) && isStale(latest.t, now, staleAfterSeconds);
}

/**
 * Whether `next` is a newer report of a team than `current`. The server stamps when it heard the team
 * (`heardAt`), which orders updates even when a phone's clock runs ahead; without it, by fix time.
 */
export function isNewerReport(next: LatestPosition, current: LatestPosition): boolean {
  if (next.heardAt !== undefined && current.heardAt !== undefined && next.heardAt !== current.heardAt) return next.heardAt > current.heardAt;
  return next.t > current.t || (next.t === current.t && (next.heardAt ?? 0) > (current.heardAt ?? 0));
}
