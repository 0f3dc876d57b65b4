import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { inMemoryLimiters, type LimiterFactory } from '../cluster/rate-limiters';
import { DomainError } from '../errors';

export interface WriteLimiterOptions {
  /** Names the limit's counters (in Redis, in cluster mode): one name per kind of write. */
  name: string;
  /** Writes one tablet may make in a minute (counted from its first write of that minute). */
  perMinute: number;
}

/** What a throttled answer carries, so the tablet's outbox knows when to try again. */
export interface ThrottleDetails {
  retryAfterMs: number;
}

/**
 * A per-tablet write limit (by session): a tablet stuck in a loop, or one that files 200 reports in a second,
 * gets WRITE_THROTTLED (429) with when to retry, and its outbox backs off and sends the rest later. Its allowance
 * comes from `limiters`, so in cluster mode it is counted in Redis over every instance (a tablet that reconnects
 * to another instance brings no fresh allowance), and per instance while Redis does not answer. Trackers are
 * never refused; they are thinned instead (ingest/fix-thinner).
 */
export class WriteLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(options: WriteLimiterOptions, limiters: LimiterFactory = inMemoryLimiters) {
    this.limiter = limiters({ name: options.name, points: options.perMinute, duration: 60 });
  }

  /** Takes one write from the key's allowance, or throws WRITE_THROTTLED. */
  async take(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const details: ThrottleDetails = { retryAfterMs: Math.max(1, error.msBeforeNext) };
      throw new DomainError('WRITE_THROTTLED', undefined, details);
    }
  }
}
