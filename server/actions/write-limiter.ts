import { DomainError } from '../errors';

export interface WriteLimiterOptions {
  /** Writes one tablet may make at once (a queue flushed after an outage). */
  burst: number;
  /** Writes a minute it may keep making. */
  perMinute: number;
  clock?: () => number;
  maxKeys?: number;
}

/** What a throttled answer carries, so the tablet's outbox knows when to try again. */
export interface ThrottleDetails {
  retryAfterMs: number;
}

/**
 * A per-tablet write limit (token bucket by session): a tablet stuck in a loop, or one that files 200
 * reports in a second, gets WRITE_THROTTLED (429) with when to retry, and its outbox backs off and
 * sends the rest later. Trackers are never refused; they are thinned instead (ingest/fix-thinner).
 */
export class WriteLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly clock: () => number;
  private readonly refillPerMs: number;

  constructor(private readonly options: WriteLimiterOptions) {
    this.clock = options.clock ?? Date.now;
    this.refillPerMs = options.perMinute / 60_000;
  }

  /** Takes one write from the key's allowance, or throws WRITE_THROTTLED. */
  take(key: string): void {
    const now = this.clock();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= (this.options.maxKeys ?? 10_000)) this.buckets.clear();
      bucket = { tokens: this.options.burst, at: now };
      this.buckets.set(key, bucket);
    } else if (now > bucket.at) {
      bucket.tokens = Math.min(this.options.burst, bucket.tokens + (now - bucket.at) * this.refillPerMs);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    const details: ThrottleDetails = { retryAfterMs: Math.ceil((1 - bucket.tokens) / this.refillPerMs) };
    throw new DomainError('WRITE_THROTTLED', undefined, details);
  }
}
