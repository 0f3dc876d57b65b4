import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_LIMITS, LoginThrottle } from '../auth/login-throttle';
import { RequestGate } from '../realtime/request-gate';
import { redisLimiters } from './rate-limiters';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const limits = { ...DEFAULT_THROTTLE_LIMITS, perAccountAddress: 4, freeFailures: 100 };
const noWait = async () => undefined;

/** Two LoginThrottles stand for two instances, each with its own Redis client, as the cluster module builds them. */
const instanceOn = (url: string, prefix: string) => {
  const redis = new Redis(url, { enableOfflineQueue: false, commandTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => 200 });
  redis.on('error', () => undefined);
  const limiters = redisLimiters(redis, prefix);
  return { redis, throttle: new LoginThrottle(limits, noWait, limiters), gate: new RequestGate({ inFlight: 100, resyncsInFlight: 10, pointsPerMinute: 100, resyncCost: 20 }, limiters) };
};

const guess = async (throttle: LoginThrottle, ip: string): Promise<'checked' | 'refused'> => {
  try {
    await (await throttle.begin('commander', ip)).failed();
    return 'checked';
  } catch {
    return 'refused';
  }
};

describe('rate limits and login throttles in cluster mode', () => {
  const prefix = `tw-test-${randomBytes(5).toString('hex')}`;
  const instances: ReturnType<typeof instanceOn>[] = [];
  afterAll(() => instances.forEach(({ redis }) => redis.disconnect()));

  it('counts password guesses over every instance: a guesser balanced over two gets no more tries than on one', async () => {
    const [a, b] = [instanceOn(REDIS_URL, prefix), instanceOn(REDIS_URL, prefix)];
    instances.push(a!, b!);
    await Promise.all([a!.redis, b!.redis].map((r) => new Promise((resolve) => (r.status === 'ready' ? resolve(null) : r.once('ready', resolve)))));
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await guess((i % 2 === 0 ? a : b)!.throttle, '10.0.0.9'));
    expect(results).toEqual(['checked', 'checked', 'checked', 'checked', 'refused', 'refused']);
    // Another address is still let through: the stranger locked out only themselves.
    expect(await guess(b!.throttle, '10.0.0.10')).toBe('checked');

    // A socket session's per-minute budget is shared too: 100 points, 5 resyncs of 20 each.
    for (let i = 0; i < 5; i++) (await (i % 2 === 0 ? a : b)!.gate.admit('session-1', 'sync:hello'))();
    await expect(a!.gate.admit('session-1', 'sync:hello')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('keeps limiting per instance, never not at all, while Redis does not answer', async () => {
    const dead = instanceOn('redis://127.0.0.1:1', prefix);
    instances.push(dead);
    const started = Date.now();
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await guess(dead.throttle, '10.0.0.11'));
    expect(results).toEqual(['checked', 'checked', 'checked', 'checked', 'refused', 'refused']);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
