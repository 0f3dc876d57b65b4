import { describe, expect, it } from 'vitest';
import { isStale, minutesSince } from './staleness';
import { appendToTrail, mergeTrail, trimTrail, type TrailPoint } from './trails';

const p = (t: number): TrailPoint => [121.8, 29.4, t];

describe('trail trimming', () => {
  it('drops points older than the cutoff, in place', () => {
    const trail = [p(1), p(2), p(3), p(4)];
    const same = trail;
    trimTrail(trail, 3);
    expect(trail).toBe(same);
    expect(trail.map((x) => x[2])).toEqual([3, 4]);
  });

  it('caps the number of points', () => {
    const trail = Array.from({ length: 10 }, (_, i) => p(i));
    trimTrail(trail, 0, 4);
    expect(trail.map((x) => x[2])).toEqual([6, 7, 8, 9]);
  });

  it('appends only newer points and trims as it goes', () => {
    const trail: TrailPoint[] = [p(10)];
    expect(appendToTrail(trail, p(9), 0)).toBe(false);
    expect(appendToTrail(trail, p(10), 0)).toBe(false);
    expect(appendToTrail(trail, p(20), 15)).toBe(true);
    expect(trail.map((x) => x[2])).toEqual([20]);
    expect(appendToTrail(trail, p(5), 15)).toBe(false);
  });

  it('never grows past the cap over a long run', () => {
    const trail: TrailPoint[] = [];
    for (let t = 0; t < 10_000; t++) appendToTrail(trail, p(t), t - 500, 300);
    expect(trail.length).toBe(300);
    expect(trail[0]![2]).toBe(9_700);
  });

  it('merges a loaded trail with newer live points', () => {
    const merged = mergeTrail([p(3), p(1), p(2)], [p(2), p(4), p(5)], 2);
    expect(merged.map((x) => x[2])).toEqual([2, 3, 4, 5]);
  });
});

describe('staleness', () => {
  it('is stale without any fix', () => {
    expect(isStale(null, 1_000, 60)).toBe(true);
  });
  it('is stale only after the threshold', () => {
    expect(isStale(0, 60_000, 60)).toBe(false);
    expect(isStale(0, 60_001, 60)).toBe(true);
  });
  it('counts whole minutes and clamps clock skew', () => {
    expect(minutesSince(0, 125_000)).toBe(2);
    expect(minutesSince(10_000, 0)).toBe(0);
  });
});
