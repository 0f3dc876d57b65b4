import { distanceMetres, type Point } from '@shared/geo';

export interface ThrottleRules {
  /** At most one report per this interval ... */
  minIntervalMs: number;
  /** ... unless the device moved further than this since the last report. */
  minDistanceM: number;
}

export const DEFAULT_THROTTLE: ThrottleRules = { minIntervalMs: 5_000, minDistanceM: 20 };

export interface SentFix extends Point {
  t: number;
}

export function shouldReport(last: SentFix | null, next: SentFix, rules: ThrottleRules = DEFAULT_THROTTLE): boolean {
  if (!last) return true;
  if (next.t < last.t) return false;
  if (next.t - last.t >= rules.minIntervalMs) return true;
  return distanceMetres(last, next) > rules.minDistanceM;
}

/**
 * Remembers what was last sent. A fix counts as sent only once the server accepted it, and only
 * one report is in flight at a time, so a slow link does not pile up reports.
 */
export class ReportThrottle {
  private last: SentFix | null = null;
  private inFlight = false;

  constructor(private readonly rules: ThrottleRules = DEFAULT_THROTTLE) {}

  /** Whether this fix should be sent now; if so the caller must call `settle` when done. */
  take(fix: SentFix): boolean {
    if (this.inFlight || !shouldReport(this.last, fix, this.rules)) return false;
    this.inFlight = true;
    return true;
  }

  settle(fix: SentFix, accepted: boolean): void {
    this.inFlight = false;
    if (accepted) this.last = { lat: fix.lat, lon: fix.lon, t: fix.t };
  }

  get lastSent(): SentFix | null {
    return this.last;
  }

  reset(): void {
    this.last = null;
    this.inFlight = false;
  }
}
