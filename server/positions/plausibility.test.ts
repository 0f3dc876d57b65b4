import { describe, expect, it } from 'vitest';
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
});
