import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimiterSpec {
  /** Names the limiter's keys in Redis: one name per limit. */
  name: string;
  points: number;
  /** Seconds. */
  duration: number;
}

/** Builds a rate limiter; every limit of the server comes from one of these, so cluster mode shares them all. */
export type LimiterFactory = (spec: LimiterSpec) => RateLimiterAbstract;

/** The same limits under names of their own (`<scope>-<name>`): one throttle class counting two kinds of callers apart. */
export const namedLimiters =
  (limiters: LimiterFactory, scope: string): LimiterFactory =>
  (spec) =>
    limiters({ ...spec, name: `${scope}-${spec.name}` });

/** One instance: counts in this process. */
export const inMemoryLimiters: LimiterFactory = ({ points, duration }) => new RateLimiterMemory({ points, duration });

/**
 * Cluster mode: counts in Redis, shared by every instance, so a guesser gains nothing by being balanced over
 * several. While Redis does not answer, each limiter counts in this process instead (its insurance limiter):
 * the limits then hold per instance, never not at all.
 */
export function redisLimiters(redis: Redis, prefix: string): LimiterFactory {
  return ({ name, points, duration }) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:limit:${name}`,
      points,
      duration,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });
}
