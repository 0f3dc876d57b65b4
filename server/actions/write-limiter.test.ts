import { describe, expect, it } from 'vitest';
import { WriteLimiter } from './write-limiter';

describe('WriteLimiter', () => {
  it('lets a burst through, then answers WRITE_THROTTLED with when to retry, per tablet', () => {
    let now = 0;
    const limiter = new WriteLimiter({ burst: 3, perMinute: 6, clock: () => now });
    for (let i = 0; i < 3; i += 1) limiter.take('tablet-a');
    expect(() => limiter.take('tablet-a')).toThrow(expect.objectContaining({ code: 'WRITE_THROTTLED', details: { retryAfterMs: 10_000 } }));
    limiter.take('tablet-b');
    now += 10_000;
    limiter.take('tablet-a');
    expect(() => limiter.take('tablet-a')).toThrow(expect.objectContaining({ code: 'WRITE_THROTTLED' }));
  });
});
