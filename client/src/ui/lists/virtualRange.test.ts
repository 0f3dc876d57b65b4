import { describe, expect, it } from 'vitest';
import { virtualRange } from './virtualRange';

describe('a long desk list renders only what is in view', () => {
  it('5,000 teams in a 600 px list render a few dozen rows, with space for the rest', () => {
    const r = virtualRange(5_000, 40, 0, 600, 10);
    expect([r.start, r.end]).toEqual([0, 26]);
    expect(r.padTop).toBe(0);
    expect(r.padBottom).toBe((5_000 - 26) * 40);
  });

  it('follows the scroll position', () => {
    const r = virtualRange(5_000, 40, 40_000, 600, 10);
    expect([r.start, r.end]).toEqual([990, 1026]);
    expect(r.padTop + (r.end - r.start) * 40 + r.padBottom).toBe(5_000 * 40);
  });

  it('never runs past the end, and a short list renders whole', () => {
    expect(virtualRange(5_000, 40, 10_000_000, 600, 10).end).toBe(5_000);
    expect(virtualRange(8, 40, 0, 600)).toEqual({ start: 0, end: 8, padTop: 0, padBottom: 0 });
  });
});
