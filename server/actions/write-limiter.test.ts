import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WriteLimiter } from './write-limiter';

describe('WriteLimiter', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-08-10T02:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('lets a minute\'s allowance through, then answers WRITE_THROTTLED with when to retry, per tablet', async () => {
    const limiter = new WriteLimiter({ name: 'field-reports', perMinute: 3 });
    for (let i = 0; i < 3; i += 1) await limiter.take('tablet-a');
    vi.advanceTimersByTime(20_000);
    await expect(limiter.take('tablet-a')).rejects.toMatchObject({ code: 'WRITE_THROTTLED', details: { retryAfterMs: 40_000 } });
    await limiter.take('tablet-b');
    vi.advanceTimersByTime(40_000);
    await limiter.take('tablet-a');
  });
});
