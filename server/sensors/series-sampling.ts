import { SERIES_BUCKETS_MS, SERIES_MAX_BUCKETS } from '../../shared/schemas/sensor-reading';

/** A chart point: observation time (epoch ms) and value, null for a gap. */
export type SeriesPoint = [number, number | null];

/** The finest bucket that keeps a range within SERIES_MAX_BUCKETS (24 h → 2 min, 72 h → 10 min, 7 days → 15 min). */
export function levelBucketMs(rangeMs: number): number {
  return SERIES_BUCKETS_MS.find((ms) => rangeMs / ms <= SERIES_MAX_BUCKETS) ?? SERIES_BUCKETS_MS[SERIES_BUCKETS_MS.length - 1]!;
}

/**
 * Thins an instantaneous quantity (a water level, a wind speed) to at most two points per time bucket: the lowest
 * and the highest reading, each at its own observation time, so a crest (or a trough) is never lost however long
 * the range. A bucket holding only gaps keeps one gap; a bucket with one reading keeps it as it is. Points must be
 * in time order; buckets are aligned on the epoch, like the positions history's.
 */
export function peaksPerBucket(points: readonly SeriesPoint[], bucketMs: number): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  let i = 0;
  while (i < points.length) {
    const bucket = Math.floor(points[i]![0] / bucketMs);
    let low: SeriesPoint | null = null;
    let high: SeriesPoint | null = null;
    let gap: SeriesPoint | null = null;
    for (; i < points.length && Math.floor(points[i]![0] / bucketMs) === bucket; i += 1) {
      const point = points[i]!;
      const value = point[1];
      if (value === null) gap ??= point;
      else {
        if (!low || value < low[1]!) low = point;
        if (!high || value > high[1]!) high = point;
      }
    }
    if (!low || !high) out.push(gap!);
    else if (low === high) out.push(low);
    else out.push(...(low[0] <= high[0] ? [low, high] : [high, low]));
  }
  return out;
}
