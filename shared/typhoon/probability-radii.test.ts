import { describe, expect, it } from 'vitest';
import { CMA_MEAN_TRACK_ERROR_KM, PROBABILITY_RADII_KM, probabilityRadiusKm, radiusPerMeanError } from './probability-radii';

/** Share of a circular normal error (Rayleigh distance, scale σ) within radius r. */
const rayleighShare = (r: number, sigma: number) => 1 - Math.exp(-(r * r) / (2 * sigma * sigma));

describe('the 70 % probability radii', () => {
  it('hold 70 % of a circular normal error whose mean is CMA’s published mean error', () => {
    for (const e of CMA_MEAN_TRACK_ERROR_KM) {
      const sigma = e.km / Math.sqrt(Math.PI / 2);
      expect(rayleighShare(e.km * radiusPerMeanError(0.7), sigma)).toBeCloseTo(0.7, 9);
    }
    expect(radiusPerMeanError(0.7)).toBeCloseTo(1.238, 3);
  });

  it('are 82 km at 24 h growing to 407 km at 120 h (CMA, 2015 verification)', () => {
    expect(PROBABILITY_RADII_KM).toEqual([
      { hours: 0, km: 0 },
      { hours: 24, km: 82 },
      { hours: 48, km: 148 },
      { hours: 72, km: 218 },
      { hours: 96, km: 302 },
      { hours: 120, km: 407 },
    ]);
  });

  it('are interpolated between lead times, 0 at the analysis and held beyond the last', () => {
    expect(probabilityRadiusKm(0)).toBe(0);
    expect(probabilityRadiusKm(-3)).toBe(0);
    expect(probabilityRadiusKm(12)).toBe(41);
    expect(probabilityRadiusKm(36)).toBe(115);
    expect(probabilityRadiusKm(200)).toBe(407);
  });
});
