import { describe, expect, it } from 'vitest';
import { backoffDelay, RetryBackoff } from './backoff';

const rules = { baseMs: 1_000, maxMs: 30_000, jitter: 0.5 };

describe('backoffDelay', () => {
  it('grows exponentially without jitter at the midpoint', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, rules, () => 0.5))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });
  it('is capped', () => {
    expect(backoffDelay(20, rules, () => 1)).toBe(30_000);
  });
  it('spreads by the jitter fraction', () => {
    expect(backoffDelay(3, rules, () => 0)).toBe(4_000);
    expect(backoffDelay(3, rules, () => 1)).toBe(12_000);
  });
});

describe('waiting between reconnection attempts of a camera', () => {
  const camera = { baseMs: 1_000, maxMs: 30_000, jitter: 0, stableMs: 60_000 };

  it('waits 1 s, doubling to at most 30 s while the camera keeps failing', () => {
    const backoff = new RetryBackoff(camera);
    expect(Array.from({ length: 8 }, () => backoff.next(0))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts again from 1 s after a connection that held for a minute', () => {
    const backoff = new RetryBackoff(camera);
    for (let i = 0; i < 6; i++) backoff.next(0);
    expect(backoff.next(60_000)).toBe(1_000);
    expect(backoff.next(0)).toBe(2_000);
  });

  it('keeps doubling when a connection dropped again within the minute', () => {
    const backoff = new RetryBackoff(camera);
    backoff.next(0);
    backoff.next(5_000);
    expect(backoff.next(59_000)).toBe(4_000);
  });
});
