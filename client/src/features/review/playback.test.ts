import { describe, expect, it } from 'vitest';
import { TrackBuffer, gapFor, resolutionFor } from './playback';

const T0 = Date.parse('2025-09-15T00:00:00Z');

describe('replay playback', () => {
  it('thins fixes to what a frame needs at each speed, never finer than the 5 s reports', () => {
    expect([1, 10, 60, 600].map(resolutionFor)).toEqual([5_000, 5_000, 6_000, 60_000]);
    expect(gapFor(60_000)).toBe(180_000);
  });

  it('interpolates a unit between two fixes and shows a gap as a gap', () => {
    const buffer = new TrackBuffer();
    buffer.add(T0, { teams: ['a'], fixes: [0, 0, 29, 121, 0, 60, 29.1, 121.2, 0, 900, 29.5, 121.5] });
    expect(buffer.at('a', T0 + 30_000, 120_000)).toEqual({ lat: expect.closeTo(29.05), lon: expect.closeTo(121.1), gap: false });
    // 60 s → 900 s is longer than the gap: no sliding across it, the unit is silent at its last fix.
    expect(buffer.at('a', T0 + 400_000, 120_000)).toEqual({ lat: 29.1, lon: 121.2, gap: true });
    expect(buffer.at('a', T0 + 100_000, 120_000)?.gap).toBe(false);
    expect(buffer.at('a', T0 - 1, 120_000)).toBeNull();
  });

  it('keeps the last fix before the replay time when dropping older ones, and ignores a page’s overlap', () => {
    const buffer = new TrackBuffer();
    buffer.add(T0, { teams: ['a'], fixes: [0, 0, 29, 121, 0, 60, 29.1, 121.2] });
    buffer.add(T0 + 60_000, { teams: ['a'], fixes: [0, 0, 29.1, 121.2, 0, 60, 29.2, 121.4] });
    buffer.dropBefore(T0 + 90_000);
    expect(buffer.at('a', T0 + 90_000, 120_000)).toEqual({ lat: expect.closeTo(29.15), lon: expect.closeTo(121.3), gap: false });
    expect(buffer.at('a', T0 + 30_000, 120_000)).toBeNull();
  });
});
