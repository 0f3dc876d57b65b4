import { describe, expect, it } from 'vitest';
import { isStale, minutesSince } from './staleness';
import { appendToTrail, MAX_TRAIL_POINTS, mergeTrail, NO_TRAIL, Trail, TRAIL_POINTS_BUDGET, trailCapFor, trimTrail, type TrailPoint, type TrailView } from './trails';


/** Positions a Float32 holds exactly (a trail keeps positions to within a metre). */
const p = (t: number): TrailPoint => [121.5 + t / 1024, 29.5 - t / 1024, t];
const times = (trail: TrailView) => trail.points().map((x) => x[2]);

describe('trail trimming', () => {
  it('drops points older than the cutoff, in place', () => {
    const trail = Trail.of([p(1), p(2), p(3), p(4)]);
    trimTrail(trail, 3);
    expect(times(trail)).toEqual([3, 4]);
  });

  it('caps the number of points', () => {
    const trail = Trail.of(Array.from({ length: 10 }, (_, i) => p(i)));
    trimTrail(trail, 0, 4);
    expect(times(trail)).toEqual([6, 7, 8, 9]);
  });

  it('appends only newer points and trims as it goes', () => {
    const trail = Trail.of([p(10)]);
    expect(appendToTrail(trail, p(9), 0)).toBe(false);
    expect(appendToTrail(trail, p(10), 0)).toBe(false);
    expect(appendToTrail(trail, p(20), 15)).toBe(true);
    expect(times(trail)).toEqual([20]);
    expect(appendToTrail(trail, p(5), 15)).toBe(false);
  });

  it('never grows past the cap over a long run, and keeps every point it holds intact', () => {
    const trail = new Trail();
    for (let t = 0; t < 10_000; t++) appendToTrail(trail, p(t), t - 500, 300);
    expect(trail.length).toBe(300);
    expect(trail.points()).toEqual(Array.from({ length: 300 }, (_, i) => p(9_700 + i)));
    expect([trail.lon(0), trail.lat(0), trail.t(0)]).toEqual(p(9_700));
  });

  it('keeps its points in order when it shrinks and grows again', () => {
    const trail = Trail.of(Array.from({ length: 1_000 }, (_, i) => p(i)));
    trimTrail(trail, 995);
    expect(trail.points()).toEqual([p(995), p(996), p(997), p(998), p(999)]);
    for (let t = 1_000; t < 1_100; t++) appendToTrail(trail, p(t), 0);
    expect(trail.length).toBe(105);
    expect(times(trail).slice(0, 6)).toEqual([995, 996, 997, 998, 999, 1_000]);
  });

  it('keeps positions to the metre and times to the millisecond on a wall that runs for days', () => {
    const trail = new Trail();
    const start = Date.UTC(2026, 7, 9, 0, 0, 0, 0) + 0.5;
    const hour = 3_600_000;
    for (let t = start; t < start + 30 * hour; t += 60_001) appendToTrail(trail, [121.873456, 29.471234, t], t - 3 * hour);
    const last = start + Math.floor((30 * hour - 1) / 60_001) * 60_001;
    expect(trail.t(trail.length - 1)).toBeCloseTo(last, 0);
    expect(trail.t(0)).toBeGreaterThanOrEqual(last - 3 * hour);
    expect(Math.abs(trail.lon(0) - 121.873456) * 111_000 * Math.cos((29.47 * Math.PI) / 180)).toBeLessThan(1);
    expect(Math.abs(trail.lat(0) - 29.471234) * 111_000).toBeLessThan(1);
    expect(appendToTrail(trail, [121.8, 29.4, last], 0)).toBe(false);
    expect(appendToTrail(trail, [121.8, 29.4, last + 1], 0)).toBe(true);
  });

  it('merges a loaded trail with newer live points', () => {
    const merged = mergeTrail([p(3), p(1), p(2)], Trail.of([p(2), p(4), p(5)]), 2);
    expect(times(merged)).toEqual([2, 3, 4, 5]);
    expect(times(mergeTrail([p(1), p(2), p(3)], NO_TRAIL, 0, 2))).toEqual([2, 3]);
  });

  it('keeps all trails together within a budget: more teams, fewer points each', () => {
    expect(trailCapFor(1)).toBe(MAX_TRAIL_POINTS);
    expect(trailCapFor(5_000)).toBe(TRAIL_POINTS_BUDGET / 5_000);
    expect(trailCapFor(5_000) * 5_000).toBeLessThanOrEqual(TRAIL_POINTS_BUDGET);
    expect(trailCapFor(10_000_000)).toBe(2);
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
