import { describe, expect, it } from 'vitest';
import { toFieldFix } from './fieldFix';

describe('toFieldFix', () => {
  it('maps a browser position and nulls out-of-range values', () => {
    const fix = toFieldFix(
      {
        timestamp: 1_700_000_000_123.7,
        coords: { latitude: 29.48, longitude: 121.87, accuracy: 12, altitude: null, heading: Number.NaN, speed: -1 },
      },
      87,
    );
    expect(fix).toEqual({ lat: 29.48, lon: 121.87, t: 1_700_000_000_124, speed: null, heading: null, accuracy: 12, altitude: null, battery: 87 });
  });
});
