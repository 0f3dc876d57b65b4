import type { DurationStats } from '../../../shared/schemas/review';

/** Median (the mean of the middle two for an even count) and worst of durations in seconds. */
export function durationStats(seconds: readonly number[]): DurationStats {
  if (seconds.length === 0) return { count: 0, medianSeconds: null, worstSeconds: null };
  const sorted = [...seconds].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { count: sorted.length, medianSeconds: median, worstSeconds: sorted[sorted.length - 1] as number };
}

export const secondsBetween = (fromIso: string, toIso: string): number => (Date.parse(toIso) - Date.parse(fromIso)) / 1000;

/** Counts per key, largest first, then by key. */
export function countRows(counts: Map<string, number>): Array<{ key: string; count: number }> {
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export const bump = (counts: Map<string, number>, key: string, by = 1): void => void counts.set(key, (counts.get(key) ?? 0) + by);
