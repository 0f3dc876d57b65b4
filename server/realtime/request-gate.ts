import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { inMemoryLimiters, type LimiterFactory } from '../cluster/rate-limiters';
import type { ClientRequestName } from '../../shared/socket';
import { DomainError } from '../errors';

export interface RequestLimits {
  /** Requests one session may have unanswered at once, over all its sockets. */
  inFlight: number;
  /** Of those, full resyncs (each may build a whole snapshot). */
  resyncsInFlight: number;
  /** Budget per session per minute; a request costs 1, a resync `resyncCost`. */
  pointsPerMinute: number;
  resyncCost: number;
}

export const DEFAULT_REQUEST_LIMITS: RequestLimits = { inFlight: 16, resyncsInFlight: 4, pointsPerMinute: 1_200, resyncCost: 20 };

const RESYNC: ClientRequestName = 'sync:hello';

/**
 * Limits what one signed-in session may ask of the server over its sockets: how many requests wait for an
 * answer at once, and how many per minute. Refusals are cheap (RATE_LIMITED, retryable), so a screen asking
 * for a resync a thousand times at once gets one or two answers and the rest of the server stays responsive.
 */
export class RequestGate {
  private readonly perMinute: RateLimiterAbstract;
  private readonly waiting = new Map<string, { all: number; resyncs: number }>();

  /** The per-minute budget comes from `limiters` (shared through Redis in cluster mode); requests in flight are counted per instance. */
  constructor(
    private readonly limits: RequestLimits = DEFAULT_REQUEST_LIMITS,
    limiters: LimiterFactory = inMemoryLimiters,
  ) {
    this.perMinute = limiters({ name: 'socket-requests', points: limits.pointsPerMinute, duration: 60 });
  }

  /** Admits one request of a session; resolves a release to call once it is answered, or throws RATE_LIMITED. */
  async admit(sessionId: string, name: ClientRequestName): Promise<() => void> {
    const resync = name === RESYNC;
    const counts = this.waiting.get(sessionId) ?? { all: 0, resyncs: 0 };
    if (counts.all >= this.limits.inFlight || (resync && counts.resyncs >= this.limits.resyncsInFlight)) throw new DomainError('RATE_LIMITED');
    // Counted before the first await, so requests arriving together cannot all pass the check.
    counts.all++;
    if (resync) counts.resyncs++;
    this.waiting.set(sessionId, counts);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      counts.all--;
      if (resync) counts.resyncs--;
      if (counts.all === 0) this.waiting.delete(sessionId);
    };
    try {
      await this.perMinute.consume(sessionId, resync ? this.limits.resyncCost : 1);
    } catch (error) {
      release();
      if (error instanceof RateLimiterRes) throw new DomainError('RATE_LIMITED');
      throw error;
    }
    return release;
  }
}
