import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

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
