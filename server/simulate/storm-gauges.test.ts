import { describe, expect, it } from 'vitest';
import { ELEMENT_RANGES, plausibleValue } from '../../shared/schemas/sensor-element';
import type { PathNode } from '../../shared/typhoon/timeline';
import type { Station } from '../../shared/schemas/station';
import { MAX_RAIN_MM_PER_H, rainRate, seeded, surge, viewFrom, windSpeed, type StormView } from './storm-gauges';
import { simulatedReadings, type SimulationMoment } from './simulated-station';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-08-09T00:00:00Z');
const XIANGSHAN = { lat: 29.47, lon: 121.87 };
const circle = (km: number) => ({ ne: km, se: km, sw: km, nw: km });

/** A typhoon coming straight north at 20 km/h from 400 km south of the county, 7-level 250 km, 10-level 90 km. */
const node = (hours: number): PathNode => ({
  t: T0 + hours * HOUR,
  centre: { lat: XIANGSHAN.lat - 3.6 + hours * 0.18, lon: XIANGSHAN.lon },
  radii: { level7: circle(250), level10: circle(90), level12: null },
  windMs: 42,
  pressureHpa: 950,
  grade: 'STY',
  forecast: false,
});
const PATH = [node(0), node(12), node(20), node(30)];

const view = (distanceKm: number, over: Partial<StormView> = {}): StormView => ({ distanceKm, bearingDeg: 0, r7Km: 250, r10Km: 90, windMs: 42, ...over });

const reservoir: Pick<Station, 'id' | 'kind' | 'location' | 'elements' | 'thresholds'> = {
  id: 'res-1',
  kind: 'reservoir',
  location: XIANGSHAN,
  elements: ['level_upstream', 'rain'],
  thresholds: { level: { warning: 30, guaranteed: 32, hysteresis: 0.05 }, rain: [], rainHysteresisShare: 0.1, windBeaufort: null },
};
const moment = (hours: number, over: Partial<SimulationMoment> = {}): SimulationMoment => ({ path: PATH, stormT: T0 + hours * HOUR, stepMs: HOUR, observedAt: 1_000, seed: 7, townshipCentre: null, ...over });
const valueOf = (readings: ReturnType<typeof simulatedReadings>, element: string) => readings.find((r) => r.element === element)?.value ?? null;

describe('the storm gauge model', () => {
  it('never gives more rain, wind or surge farther from the centre, and stays within bounds', () => {
    let previous = { rain: Infinity, wind: Infinity, surge: Infinity };
    for (let km = 0; km <= 800; km += 5) {
      const now = { rain: rainRate(view(km)), wind: windSpeed(view(km)), surge: surge(view(km)) };
      expect(now.rain).toBeLessThanOrEqual(previous.rain);
      expect(now.wind).toBeLessThanOrEqual(previous.wind);
      expect(now.surge).toBeLessThanOrEqual(previous.surge);
      expect(now.rain).toBeGreaterThanOrEqual(0);
      expect(now.rain).toBeLessThanOrEqual(MAX_RAIN_MM_PER_H);
      previous = now;
    }
    for (const windMs of [10, 40, 80]) expect(rainRate(view(0, { windMs }))).toBeLessThanOrEqual(MAX_RAIN_MM_PER_H);
  });

  it('rains as a red-criterion storm inside the 10-level circle, lightly beyond the 7-level one', () => {
    expect(rainRate(view(60)) * 3).toBeGreaterThanOrEqual(100);
    expect(rainRate(view(300))).toBeLessThan(6);
    // Force 10 at the 10-level circle, force 7 at the 7-level one.
    expect(windSpeed(view(90))).toBeCloseTo(24.5, 1);
    expect(windSpeed(view(250))).toBeCloseTo(13.9, 1);
  });

  it('sees the storm from where it is on its path, and nothing outside it', () => {
    expect(viewFrom(PATH, T0 + 20 * HOUR, XIANGSHAN)!.distanceKm).toBeLessThan(5);
    expect(viewFrom(PATH, T0 + 40 * HOUR, XIANGSHAN)).toBeNull();
  });

  it('raises a reservoir from below its warning line past its guaranteed line, answering the rain late', () => {
    const level = (hours: number) => valueOf(simulatedReadings(reservoir, moment(hours)), 'level_upstream')!;
    expect(level(0)).toBeLessThan(30);
    // The centre passes at hour 20; the rain peaks then, the reservoir hours later.
    expect(level(20)).toBeLessThan(level(26));
    expect(level(26)).toBeGreaterThan(32);
    for (const h of [0, 10, 20, 26, 30]) expect(plausibleValue('level_upstream', level(h))).not.toBeNull();
    expect(simulatedReadings(reservoir, moment(20, { path: [] })).find((r) => r.element === 'rain')?.value).toBe(0);
  });

  it('is deterministic for a seed, and every reading is one a gauge could send', () => {
    const a = simulatedReadings(reservoir, moment(18));
    expect(simulatedReadings(reservoir, moment(18))).toEqual(a);
    expect(simulatedReadings(reservoir, moment(18, { seed: 8 }))).not.toEqual(a);
    const tide = { ...reservoir, id: 'tide-1', kind: 'tide' as const, elements: ['level' as const] };
    const wind = { ...reservoir, id: 'wind-1', kind: 'wind' as const, elements: ['wind_speed' as const, 'wind_dir' as const] };
    for (const station of [reservoir, tide, wind]) {
      for (const r of simulatedReadings(station, moment(20))) {
        expect(r.value).not.toBeNull();
        expect(r.value!).toBeGreaterThanOrEqual(ELEMENT_RANGES[r.element].min);
        expect(r.value!).toBeLessThanOrEqual(ELEMENT_RANGES[r.element].max);
      }
    }
    expect(seeded(1, 'x')).toBe(seeded(1, 'x'));
  });
});
