import { describe, expect, it } from 'vitest';
import { checkArrival, geodesicMetres } from './arrivalCheck';

const dest = { lat: 29.4386, lon: 121.8655 };
const NOW = 1_800_000_000_000;
const fix = (lat: number, lon: number, accuracy: number | null = 15, t = NOW - 5_000) => ({ lat, lon, accuracy, t });

describe('arrival check on the tablet', () => {
  it('measures on the ellipsoid: 0.05° of latitude here is about 5.54 km', () => {
    expect(geodesicMetres(dest, { lat: 29.4886, lon: 121.8655 })).toBeCloseTo(5542, 0);
  });

  it('lets a tablet within 500 m arrive at once', () => {
    expect(checkArrival(fix(29.4406, 121.8655), dest, NOW)).toMatchObject({ kind: 'near' });
  });

  it('asks when the tablet is 5.6 km away (the issue’s case) or just beyond 500 m', () => {
    expect(checkArrival(fix(29.4886, 121.8655), dest, NOW)).toMatchObject({ kind: 'far', distance: expect.closeTo(5542, 0) });
    expect(checkArrival(fix(29.4432, 121.8655), dest, NOW)).toMatchObject({ kind: 'far' });
  });

  it('asks when there is no fix, or only a stale one', () => {
    expect(checkArrival(null, dest, NOW)).toEqual({ kind: 'no_fix' });
    expect(checkArrival(fix(29.4386, 121.8655, 10, NOW - 10 * 60_000), dest, NOW)).toEqual({ kind: 'no_fix' });
  });

  it('asks when the fix is less accurate than 500 m, even if it lands on the destination', () => {
    expect(checkArrival(fix(29.4386, 121.8655, 1_200), dest, NOW)).toMatchObject({ kind: 'inaccurate', accuracy: 1_200 });
    expect(checkArrival(fix(29.4386, 121.8655, null), dest, NOW)).toMatchObject({ kind: 'inaccurate' });
  });
});
