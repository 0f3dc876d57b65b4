import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Storm } from '../../shared/schemas/typhoon';
import { computeExposure } from '../../shared/typhoon/exposure';
import { suggestSignal, DEFAULT_SIGNAL_RULES } from '../../shared/typhoon/signal';
import { countyTargets } from './county';
import { parseJmaBestTrack } from './importers/jma-best-track';
import { newStorm } from './merge';

// Real data: JMA best tracks of Lekima (2019) and Hagupit (2020), see fixtures/ATTRIBUTION.md.
const stormOf = (file: string, historical = false): Storm => newStorm(parseJmaBestTrack(readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8'))[0]!, historical);
const { anchor, targets } = countyTargets();

/**
 * By hand, on a sphere of radius 6371.0088 km: the centre passes Xiangshan (丹东街道's point, 29.45641° N
 * 121.92156° E) between 2019-08-09 18:00 UTC (28.2° N 121.3° E, 152.3 km away) and 2019-08-10 00:00 UTC
 * (29.1° N 120.7° E, 124.9 km away). The cross-track distance to that great circle is
 * asin(sin(152.26/R)·sin(θ13 − θ12))·R = 122.3 km, reached 90.6 km along the 115.9 km segment, i.e. at
 * 0.782 × 6 h = 281 min after 18:00: 22:41 UTC (06:41 Beijing time on 10 August).
 */
const HAND = { distanceKm: 122.3, at: Date.parse('2019-08-09T22:41:00Z') };

describe('exposure on real best tracks', () => {
  it('finds Lekima’s closest approach to Xiangshan as the hand calculation does', () => {
    const result = computeExposure({ storm: stormOf('jma_bst_1909_lekima.txt'), agency: null, at: Date.parse('2019-08-09T12:00:00Z'), townships: targets, anchor });
    const closest = result.county.closestApproach;
    // WGS84 against the sphere differs by a few tenths of a kilometre at this range.
    expect(Math.abs(closest.distanceKm - HAND.distanceKm)).toBeLessThan(1);
    expect(Math.abs(Date.parse(closest.at) - HAND.at)).toBeLessThanOrEqual(10 * 60_000);
    // Interpolated between 85 kt (STY) and 60 kt (STS): a typhoon still.
    expect(closest.intensity).toMatchObject({ grade: 'TY', beaufort: 12 });
  });

  it('says when each circle reaches and leaves each township, and "no data" for JMA’s missing 12-level', () => {
    const result = computeExposure({ storm: stormOf('jma_bst_1909_lekima.txt'), agency: null, at: Date.parse('2019-08-09T12:00:00Z'), townships: targets, anchor });
    expect(result.townships.map((t) => t.name).sort()).toEqual(targets.map((t) => t.name).sort());
    for (const t of result.townships) {
      expect(t.circles.level12).toEqual({ state: 'no_data' });
      expect(t.insideNow.level12).toBeNull();
      expect(t.circles.level7.state).toBe('reached');
      expect(t.circles.level10.state).toBe('reached');
      if (t.circles.level7.state !== 'reached' || t.circles.level10.state !== 'reached') continue;
      // The 10-level circle sits inside the 7-level one: it arrives later and leaves earlier.
      expect(Date.parse(t.circles.level10.enteredAt)).toBeGreaterThanOrEqual(Date.parse(t.circles.level7.enteredAt));
      expect(Date.parse(t.circles.level10.leftAt!)).toBeLessThanOrEqual(Date.parse(t.circles.level7.leftAt!));
      // At 12:00 UTC on the 9th the 556 km 7-level circle already covers the county, the 185 km 10-level one not yet.
      expect(t.insideNow.level7).toBe(true);
    }
    const shipu = result.townships.find((t) => t.name === '石浦镇')!;
    const danxi = result.townships.find((t) => t.name === '丹西街道')!;
    // The south of the county, nearer the landfall, feels the 10-level wind first.
    expect(shipu.circles.level10.state === 'reached' && danxi.circles.level10.state === 'reached' && shipu.circles.level10.enteredAt < danxi.circles.level10.enteredAt).toBe(true);
    expect(result.county.level7).toMatchObject({ state: 'inside' });
  });

  it('a historical storm never counts down or suggests a signal; a live one does', () => {
    const at = Date.parse('2020-08-03T06:00:00Z');
    const historical = computeExposure({ storm: stormOf('jma_bst_2004_hagupit.txt', true), agency: null, at, townships: targets, anchor });
    expect(historical.county.level7).toEqual({ state: 'historical' });
    expect(suggestSignal(historical.townships, at, DEFAULT_SIGNAL_RULES, true)).toEqual({ state: 'historical' });
    const live = computeExposure({ storm: stormOf('jma_bst_2004_hagupit.txt'), agency: null, at, townships: targets, anchor });
    expect(live.county.level7).toMatchObject({ state: 'arriving', at: '2020-08-03T17:30:00.000Z', minutes: 690 });
    // 7-level circle in 11.5 h: within 12 h, so yellow; the 10-level circle never reaches the county.
    expect(suggestSignal(live.townships, at, DEFAULT_SIGNAL_RULES, false)).toMatchObject({ state: 'suggested', signal: 'yellow' });
    expect(live.townships.every((t) => t.circles.level10.state === 'not_reached')).toBe(true);
  });

  it('keeps the reference time within the track and measures distance and bearing from the centre then', () => {
    const storm = stormOf('jma_bst_1909_lekima.txt');
    const result = computeExposure({ storm, agency: null, at: Date.parse('2030-01-01T00:00:00Z'), townships: targets, anchor });
    expect(new Date(result.at).toISOString()).toBe(storm.track.at(-1)!.at);
    const danDong = result.townships.find((t) => t.name === '丹东街道')!;
    // The last point (2019-08-14 18:00 UTC, 38.4° N 121.9° E) is due north of the county: it lies to the south, ~995 km.
    expect(danDong.bearingDeg).toBeGreaterThan(178);
    expect(danDong.bearingDeg).toBeLessThan(182);
    expect(danDong.distanceKm).toBeGreaterThan(980);
    expect(danDong.distanceKm).toBeLessThan(1000);
  });
});
