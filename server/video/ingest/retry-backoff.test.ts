import { describe, expect, it } from 'vitest';
import { RetryBackoff } from './retry-backoff';

describe('waiting between reconnection attempts', () => {
  it('waits 1 s, doubling to at most 30 s while the camera keeps failing', () => {
    const backoff = new RetryBackoff();
    expect(Array.from({ length: 8 }, () => backoff.next(0))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('starts again from 1 s after a connection that held for a minute', () => {
    const backoff = new RetryBackoff();
    for (let i = 0; i < 6; i++) backoff.next(0);
    expect(backoff.next(60_000)).toBe(1_000);
    expect(backoff.next(0)).toBe(2_000);
  });

  it('keeps doubling when a connection dropped again within the minute', () => {
    const backoff = new RetryBackoff();
    backoff.next(0);
    backoff.next(5_000);
    expect(backoff.next(59_000)).toBe(4_000);
  });
});
