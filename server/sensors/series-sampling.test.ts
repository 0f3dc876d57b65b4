import { describe, expect, it } from 'vitest';
import { levelBucketMs, peaksPerBucket, type SeriesPoint } from './series-sampling';

const MIN = 60_000;

describe('thinning an instantaneous quantity for a long chart', () => {
  it('keeps the lowest and the highest reading of each bucket at their own times, in time order', () => {
    const points: SeriesPoint[] = [
      [0, 3.1],
      [1 * MIN, 3.4],
      [2 * MIN, 2.9],
      [3 * MIN, 3.0],
      // Next bucket: the crest comes first, the trough last.
      [5 * MIN, 4.2],
      [6 * MIN, 3.3],
      [9 * MIN, 3.2],
    ];
    expect(peaksPerBucket(points, 5 * MIN)).toEqual([
      [1 * MIN, 3.4],
      [2 * MIN, 2.9],
      [5 * MIN, 4.2],
      [9 * MIN, 3.2],
    ]);
  });

  it('keeps a lone reading as it is and a bucket of fill values as one gap; a gap among values is dropped', () => {
    expect(peaksPerBucket([[0, 1], [5 * MIN, null], [6 * MIN, null], [10 * MIN, 2], [11 * MIN, null], [12 * MIN, 2]], 5 * MIN)).toEqual([
      [0, 1],
      [5 * MIN, null],
      [10 * MIN, 2],
    ]);
  });

  it('chooses the finest bucket that keeps the range within 720 buckets', () => {
    expect([24, 72, 168, 720].map((h) => levelBucketMs(h * 60 * MIN) / MIN)).toEqual([2, 10, 15, 60]);
    expect(levelBucketMs(6 * 60 * MIN)).toBe(MIN);
  });
});
