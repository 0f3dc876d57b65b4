import type { StationSeries, StationState } from '@shared/schemas/sensor-reading';
import { DEFAULT_RAIN_THRESHOLDS, type Station } from '@shared/schemas/station';

export function makeStation(over: Partial<Station> = {}): Station {
  return {
    id: 'st-rain',
    code: 'XS-RG-01',
    name: '丹东街道雨量站',
    kind: 'rain',
    location: { lat: 29.47, lon: 121.87 },
    township: '丹东街道',
    elements: ['rain', 'rain_total', 'voltage'],
    thresholds: { level: null, rain: [...DEFAULT_RAIN_THRESHOLDS], rainHysteresisShare: 0.1, windBeaufort: null },
    reportIntervalSeconds: 300,
    sl651: null,
    maintenance: false,
    maintenanceNote: '',
    updatedAt: '2026-08-09T00:00:00.000Z',
    ...over,
  };
}

/** A reservoir with 警戒 30 m and 保证 32 m. */
export function makeReservoir(over: Partial<Station> = {}): Station {
  return makeStation({
    id: 'st-res',
    code: 'XS-RS-01',
    name: '仓岙水库',
    kind: 'reservoir',
    elements: ['level_upstream', 'rain'],
    thresholds: { level: { warning: 30, guaranteed: 32, hysteresis: 0.05 }, rain: [...DEFAULT_RAIN_THRESHOLDS], rainHysteresisShare: 0.1, windBeaufort: null },
    ...over,
  });
}

export function makeState(stationId: string, over: Partial<StationState> = {}): StationState {
  return {
    stationId,
    condition: 'normal',
    heardAt: Date.parse('2026-08-09T12:00:00Z'),
    latest: {},
    rain: { '1h': 0, '3h': 0, '6h': 0, '12h': 0, '24h': 0 },
    rainSignal: null,
    levelStage: 'normal',
    windAlarm: false,
    ...over,
  };
}

const HOUR = 3_600_000;

/** 24 hourly buckets from 2026-08-09 00:00 UTC with rain in the last three hours and levels crossing 30 m. */
export function makeSeries(over: Partial<StationSeries> = {}): StationSeries {
  const from = Date.parse('2026-08-09T00:00:00Z');
  const rainHourly = Array.from({ length: 24 }, (_, i) => ({ hourStart: from + i * HOUR, mm: i >= 21 ? 20 : 0 }));
  let sum = 0;
  return {
    stationId: 'st-res',
    from,
    to: from + 24 * HOUR,
    sampling: { levelBucketMs: 120_000, rainBucketMs: HOUR },
    rainHourly,
    rainAccumulated: rainHourly.map((h) => ({ t: h.hourStart + HOUR, mm: (sum += h.mm) })),
    levels: { level_upstream: [[from + 20 * HOUR, 29.5], [from + 22 * HOUR, null], [from + 23 * HOUR, 30.4]] },
    wind: [],
    thresholds: { level: { warning: 30, guaranteed: 32, hysteresis: 0.05 }, rain: [...DEFAULT_RAIN_THRESHOLDS], windBeaufort: null },
    ...over,
  };
}
