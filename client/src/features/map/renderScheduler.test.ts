import { describe, expect, it } from 'vitest';
import { nextGapMs } from './renderScheduler';

describe('how often the map draws', () => {
  const opts = { minGapMs: 300, maxGapMs: 800, costFactor: 3 };

  it('draws every 300 ms while a draw is cheap (a county with a few hundred units)', () => {
    expect(nextGapMs(12, opts)).toBe(300);
  });

  it('waits three times what a costly draw (painted) took, so drawing keeps to about a quarter of the main thread', () => {
    expect(nextGapMs(150, opts)).toBe(450);
  });

  it('never waits more than 0.8 s, so the newest fix on screen stays fresh (p95 ≤ 1.5 s)', () => {
    expect(nextGapMs(900, opts)).toBe(800);
  });
});
