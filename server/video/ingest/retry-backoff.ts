export interface BackoffSchedule {
  firstMs: number;
  maxMs: number;
  /** An attempt online at least this long counts as recovered: the next failure waits `firstMs` again. */
  stableMs: number;
}

export const INGEST_BACKOFF: BackoffSchedule = { firstMs: 1_000, maxMs: 30_000, stableMs: 60_000 };

/** Waits between reconnection attempts: 1 s doubling to 30 s, back to 1 s once a connection held. */
export class RetryBackoff {
  private failures = 0;

  constructor(private readonly schedule: BackoffSchedule = INGEST_BACKOFF) {}

  /** The wait after an attempt that ended, given how long it had been online (0 if never). */
  next(onlineForMs: number): number {
    if (onlineForMs >= this.schedule.stableMs) this.failures = 0;
    const delay = Math.min(this.schedule.maxMs, this.schedule.firstMs * 2 ** this.failures);
    if (delay < this.schedule.maxMs) this.failures += 1;
    return delay;
  }
}
