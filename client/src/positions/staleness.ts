/** A team is stale when its newest fix is older than the threshold, or it never reported at all. */
export function isStale(lastFixT: number | null | undefined, now: number, staleAfterSeconds: number): boolean {
  if (lastFixT == null) return true;
  return now - lastFixT > staleAfterSeconds * 1000;
}

/** Whole minutes since `t`, never negative (clocks drift between devices and server). */
export function minutesSince(t: number, now: number): number {
  return Math.max(0, Math.floor((now - t) / 60_000));
}
