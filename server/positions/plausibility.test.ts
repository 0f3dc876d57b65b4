import { describe, expect, it } from 'vitest';
import { FixSchema, type Fix } from '../../shared/schemas/position';
import { checkFix, rejectReason } from './plausibility';
import { fix } from './test-support';

const NOW = Date.UTC(2025, 8, 15, 6, 0, 0);

describe('rejectReason', () => {
  it('passes an ordinary fix', () => {
    expect(rejectReason(fix('t1', NOW - 1_000), NOW)).toBeNull();
    expect(rejectReason(fix('t1', NOW + 4 * 60_000), NOW)).toBeNull();
    expect(checkFix(fix('t1', NOW), NOW).fix).toMatchObject({ teamId: 't1', t: NOW });
  });

  it('rejects timestamps far in the future or more than a week old', () => {
    expect(rejectReason(fix('t1', NOW + 6 * 60_000), NOW)).toBe('future_timestamp');
    expect(rejectReason(fix('t1', NOW - 8 * 86_400_000), NOW)).toBe('too_old');
  });

  it('rejects 0/0 and very inaccurate fixes', () => {
    expect(rejectReason(fix('t1', NOW, { lat: 0, lon: 0 }), NOW)).toBe('null_island');
    expect(rejectReason(fix('t1', NOW, { accuracy: 5_001 }), NOW)).toBe('inaccurate');
    expect(rejectReason(fix('t1', NOW, { accuracy: null }), NOW)).toBeNull();
  });

  it('reports schema range errors as out_of_range', () => {
    expect(rejectReason(fix('t1', NOW, { lat: 129.2 }), NOW)).toBe('out_of_range');
    expect(rejectReason(fix('t1', NOW, { speed: 500 }), NOW)).toBe('out_of_range');
    expect(rejectReason(fix('t1', NOW, { heading: 400 }), NOW)).toBe('out_of_range');
    expect(rejectReason(fix('t1', NOW, { lon: Number.NaN }), NOW)).toBe('out_of_range');
    expect(rejectReason({ ...fix('t1', NOW), t: 1.5 }, NOW)).toBe('out_of_range');
  });

  it('refuses exactly what FixSchema refuses, without parsing the fix again', () => {
    const edges: Array<Partial<Fix>> = [
      { lat: 90 }, { lat: 90.000001 }, { lat: -90 }, { lat: -90.5 }, { lon: 180 }, { lon: -180 }, { lon: 180.01 }, { lat: Number.POSITIVE_INFINITY },
      { speed: 0 }, { speed: -0.01 }, { speed: 400 }, { speed: 400.01 }, { speed: Number.NaN }, { heading: 360 }, { heading: 360.5 }, { heading: -1 },
      { accuracy: 0 }, { accuracy: -1 }, { accuracy: 100_000 }, { accuracy: 100_001 }, { altitude: -500 }, { altitude: -500.5 }, { altitude: 10_000 },
      { altitude: 10_001 }, { altitude: Number.NEGATIVE_INFINITY }, { battery: 0 }, { battery: 100 }, { battery: 100.5 }, { battery: -1 },
      { t: NOW + 0.5 }, { t: 2 ** 53 }, { teamId: '' }, { teamId: 'x'.repeat(64) }, { teamId: 'x'.repeat(65) },
    ];
    for (const extra of edges) {
      const candidate = fix('t1', NOW, extra);
      expect(rejectReason(candidate, NOW) === 'out_of_range', JSON.stringify(extra)).toBe(!FixSchema.safeParse(candidate).success);
    }
  });

  it('completes a candidate whose unknown values are missing', () => {
    const { fix: completed } = checkFix({ teamId: 't1', deviceId: 'browser:u1', lat: 29.4, lon: 121.8, t: NOW, accuracy: 12 }, NOW);
    expect(completed).toEqual({ teamId: 't1', deviceId: 'browser:u1', lat: 29.4, lon: 121.8, t: NOW, speed: null, heading: null, accuracy: 12, altitude: null, battery: null, receivedAt: NOW });
  });
});
