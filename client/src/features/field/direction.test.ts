import { describe, expect, it } from 'vitest';
import { bearingDegrees, distanceMetres } from '@shared/geo';
import { compassPoint } from './direction';

describe('compass point', () => {
  it('rounds a bearing to one of eight points', () => {
    expect([0, 22, 23, 90, 181, 250, 315, 359, -45].map(compassPoint)).toEqual(['N', 'N', 'NE', 'E', 'S', 'W', 'NW', 'N', 'NW']);
  });
  it('gives the way from Dandong to Shipu harbour as roughly south, tens of km', () => {
    const dandong = { lat: 29.4776, lon: 121.8697 };
    const shipu = { lat: 29.2055, lon: 121.9469 };
    expect(compassPoint(bearingDegrees(dandong, shipu))).toBe('S');
    expect(Math.round(distanceMetres(dandong, shipu) / 1000)).toBe(31);
  });
});
