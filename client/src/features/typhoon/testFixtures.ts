import type { Storm, TrackPoint, WindRadii } from '@shared/schemas/typhoon';
import type { Exposure, TownshipExposure } from '@shared/schemas/typhoon-exposure';
import { DEFAULT_SIGNAL_RULES } from '@shared/typhoon/signal';

const NO_RADII: WindRadii = { level7: null, level10: null, level12: null };

export function trackPoint(at: string, lat: number, lon: number, over: Partial<TrackPoint> = {}): TrackPoint {
  return { at, lat, lon, pressureHpa: 960, windMs: 40, sourceWind: null, grade: 'TY', beaufort: 13, extratropical: false, moveDirectionDeg: 315, moveSpeedKmh: 15, radii: NO_RADII, ...over };
}

/** A made-up storm heading north-west towards Zhejiang, 6-hourly, with force-7 and force-10 circles. */
export function makeStorm(over: Partial<Storm> = {}): Storm {
  const r7 = { ne: 300, se: 250, sw: 200, nw: 250 };
  const r10 = { ne: 120, se: 100, sw: 80, nw: 100 };
  return {
    id: 'ty-2609',
    number: '2609',
    nameZh: '测试',
    nameEn: 'TESTER',
    source: 'manual',
    historical: false,
    archived: false,
    updatedAt: '2026-08-09T12:00:00.000Z',
    track: [
      trackPoint('2026-08-09T00:00:00.000Z', 24, 128, { grade: 'STS', windMs: 28, radii: { level7: r7, level10: null, level12: null } }),
      trackPoint('2026-08-09T06:00:00.000Z', 25, 127, { grade: 'TY', windMs: 35, radii: { level7: r7, level10: r10, level12: null } }),
      trackPoint('2026-08-09T12:00:00.000Z', 26, 126, { grade: 'STY', windMs: 45, radii: { level7: r7, level10: r10, level12: null } }),
    ],
    forecasts: [
      {
        agency: 'BABJ',
        issuedAt: '2026-08-09T12:00:00.000Z',
        points: [
          { at: '2026-08-10T00:00:00.000Z', lat: 27.5, lon: 124, pressureHpa: 950, windMs: 45, grade: 'STY', radii: NO_RADII },
          { at: '2026-08-10T12:00:00.000Z', lat: 29, lon: 122, pressureHpa: 960, windMs: 38, grade: 'TY', radii: NO_RADII },
        ],
      },
      { agency: 'RJTD', issuedAt: '2026-08-09T12:00:00.000Z', points: [{ at: '2026-08-10T12:00:00.000Z', lat: 28.5, lon: 123, pressureHpa: null, windMs: null, grade: null, radii: NO_RADII }] },
    ],
    ...over,
  };
}

export function townshipRow(name: string, over: Partial<TownshipExposure> = {}): TownshipExposure {
  return {
    name,
    point: { lat: 29.4, lon: 121.9 },
    distanceKm: 500,
    bearingDeg: 300,
    insideNow: { level7: false, level10: false, level12: null },
    closestApproach: { at: '2026-08-10T12:00:00.000Z', distanceKm: 60, intensity: { windMs: 38, beaufort: 13, grade: 'TY', pressureHpa: 960 }, forecast: true },
    circles: { level7: { state: 'not_reached' }, level10: { state: 'not_reached' }, level12: { state: 'no_data' } },
    ...over,
  };
}

export function makeExposure(townships: TownshipExposure[], over: Partial<Exposure> = {}): Exposure {
  return {
    stormId: 'ty-2609',
    at: '2026-08-09T12:00:00.000Z',
    agency: 'BABJ',
    historical: false,
    townships,
    county: { closestApproach: townships[0]!.closestApproach, level7: { state: 'not_expected' } },
    suggestion: { state: 'none' },
    signalRules: DEFAULT_SIGNAL_RULES,
    ...over,
  };
}
