import { describe, expect, it } from 'vitest';
import { GRADES } from '@shared/schemas/typhoon';
import { distanceKm } from '@shared/typhoon/geodesy';
import { probabilityRadiusKm } from '@shared/typhoon/probability-radii';
import { sortExposure, nextSort } from './exposureSort';
import { probabilityRings } from './probabilityCircles';
import { focusStorm, newerStorm, orderStorms } from './stormOrder';
import { GRADE_COLORS, gradeColor, UNGRADED_COLOR } from './typhoonColors';
import { shortBeijingTime, beijingDayHour, beijingLocalToIso, bearingOfCentreFrom, compassPoint, countdownParts, forecastTimeLabel, minutesUntil, radiiFromInputs } from './typhoonFormat';
import { makeExposure, makeStorm, townshipRow } from './testFixtures';
import { townshipLines } from './wallStorm';

describe('typhoon formatting', () => {
  it('names the compass point of a bearing, north spanning 348.75° to 11.25°', () => {
    expect([0, 11, 12, 45, 180, 350, 359.9, -90].map(compassPoint)).toEqual(['N', 'N', 'NNE', 'NE', 'S', 'N', 'N', 'W']);
    // A storm whose centre bears 300° towards the township lies to the south-east of it.
    expect(compassPoint(bearingOfCentreFrom(300))).toBe('ESE');
  });

  it('labels forecast times in Beijing time, across the date line of UTC', () => {
    expect(beijingDayHour('2019-08-09T18:00:00Z')).toEqual({ day: 10, hour: 2, minute: 0 });
    expect(forecastTimeLabel('2019-08-09T18:00:00Z', 'zh-CN')).toBe('10日2时');
    expect(forecastTimeLabel('2019-08-09T06:00:00Z', 'en')).toBe('9/14h');
    expect(shortBeijingTime('2019-08-31T16:05:00Z')).toBe('09-01 00:05');
  });

  it('reads a typed time as Beijing time and refuses a partial one', () => {
    expect(beijingLocalToIso('2026-08-10T08:30')).toBe('2026-08-10T00:30:00.000Z');
    expect(beijingLocalToIso('2026-08-10')).toBeNull();
  });

  it('counts down in whole minutes rounded up, and splits hours from minutes', () => {
    const now = Date.parse('2026-08-09T12:00:00Z');
    expect(minutesUntil('2026-08-09T12:00:01Z', now)).toBe(1);
    expect(minutesUntil('2026-08-09T15:05:00Z', now)).toBe(185);
    expect(minutesUntil('2026-08-09T11:59:00Z', now)).toBe(-1);
    expect(countdownParts(185)).toEqual({ hours: 3, minutes: 5 });
    expect(countdownParts(-5)).toEqual({ hours: 0, minutes: 0 });
  });

  it('treats four blank quadrants as no data and a blank quadrant among numbers as 0 km', () => {
    expect(radiiFromInputs({ ne: '', se: ' ', sw: '', nw: '' })).toBeNull();
    expect(radiiFromInputs({ ne: '200', se: '', sw: '150', nw: '180' })).toEqual({ ne: 200, se: 0, sw: 150, nw: 180 });
  });
});

describe('typhoon colours', () => {
  it('gives every grade its own colour and a grey to an ungraded point', () => {
    expect(new Set(GRADES.map((g) => GRADE_COLORS[g])).size).toBe(GRADES.length);
    expect(gradeColor(null)).toBe(UNGRADED_COLOR);
    expect(GRADES.map(gradeColor)).not.toContain(UNGRADED_COLOR);
  });
});

describe('the exposure table sort', () => {
  const soon = townshipRow('石浦镇', { distanceKm: 120, circles: { level7: { state: 'reached', enteredAt: '2026-08-10T02:00:00Z', leftAt: null }, level10: { state: 'not_reached' }, level12: { state: 'no_data' } } });
  const later = townshipRow('丹东街道', { distanceKm: 150, circles: { level7: { state: 'reached', enteredAt: '2026-08-10T05:00:00Z', leftAt: '2026-08-10T20:00:00Z' }, level10: { state: 'not_reached' }, level12: { state: 'no_data' } } });
  const never = townshipRow('高塘岛乡', { distanceKm: 90 });
  const rows = [never, later, soon];

  it('puts the soonest arrival first and townships never reached last, in either direction', () => {
    expect(sortExposure(rows, { key: 'enter7', descending: false }).map((r) => r.name)).toEqual(['石浦镇', '丹东街道', '高塘岛乡']);
    expect(sortExposure(rows, { key: 'enter7', descending: true }).map((r) => r.name)).toEqual(['丹东街道', '石浦镇', '高塘岛乡']);
  });

  it('sorts by distance now, nearest first', () => {
    expect(sortExposure(rows, { key: 'distance', descending: false }).map((r) => r.name)).toEqual(['高塘岛乡', '石浦镇', '丹东街道']);
  });

  it('flips direction on the same column and starts a new one ascending (inside-now: yes first)', () => {
    expect(nextSort({ key: 'distance', descending: false }, 'distance')).toEqual({ key: 'distance', descending: true });
    expect(nextSort({ key: 'distance', descending: true }, 'closestKm')).toEqual({ key: 'closestKm', descending: false });
    expect(nextSort({ key: 'distance', descending: false }, 'in7')).toEqual({ key: 'in7', descending: true });
  });
});

describe('storm order and versions', () => {
  it('lists live storms before historical ones and follows the newest live one', () => {
    const lekima = makeStorm({ id: 'ty-1909', number: '1909', historical: true, updatedAt: '2019-08-13T00:00:00.000Z' });
    const old = makeStorm({ id: 'ty-2608', number: '2608', updatedAt: '2026-08-01T00:00:00.000Z' });
    const now = makeStorm();
    expect(orderStorms([lekima, old, now]).map((s) => s.id)).toEqual(['ty-2609', 'ty-2608', 'ty-1909']);
    expect(focusStorm([lekima])?.id).toBe('ty-1909');
    expect(focusStorm([])).toBeNull();
  });

  it('never lets an older version replace a newer one', () => {
    const current = makeStorm();
    const late = makeStorm({ updatedAt: '2026-08-09T06:00:00.000Z', nameEn: 'OLD' });
    expect(newerStorm(current, late).nameEn).toBe('TESTER');
    expect(newerStorm(current, { ...current, archived: true }).archived).toBe(true);
  });
});

describe('the 70 % probability circles', () => {
  it('are drawn around each Chinese forecast point at the shared radius for its lead time', () => {
    const rings = probabilityRings(makeStorm().forecasts[0]!);
    expect(rings.map((r) => r.km)).toEqual([probabilityRadiusKm(12), probabilityRadiusKm(24)]);
    expect(rings.map((r) => Math.round(r.km))).toEqual([41, 82]);
    const [lon, lat] = rings[0]!.ring[0] as [number, number];
    expect(distanceKm({ lat: 27.5, lon: 124 }, { lat, lon })).toBeCloseTo(41, 0);
  });
});

describe('the wall township lines', () => {
  const now = Date.parse('2026-08-10T00:00:00Z');
  const rows = [
    townshipRow('丹东街道', { circles: { level7: { state: 'reached', enteredAt: '2026-08-10T05:00:00Z', leftAt: null }, level10: { state: 'not_reached' }, level12: { state: 'no_data' } } }),
    townshipRow('石浦镇', { circles: { level7: { state: 'reached', enteredAt: '2026-08-09T22:00:00Z', leftAt: null }, level10: { state: 'not_reached' }, level12: { state: 'no_data' } } }),
    townshipRow('高塘岛乡', { circles: { level7: { state: 'reached', enteredAt: '2026-08-10T03:30:00Z', leftAt: null }, level10: { state: 'not_reached' }, level12: { state: 'no_data' } } }),
    townshipRow('西周镇'),
  ];

  it('counts down to the 7-level circle soonest first, then those inside, then the rest', () => {
    expect(townshipLines(makeExposure(rows), now).map((l) => [l.name, l.kind, l.kind === 'arriving' ? l.minutes : null])).toEqual([
      ['高塘岛乡', 'arriving', 210],
      ['丹东街道', 'arriving', 300],
      ['石浦镇', 'inside', null],
      ['西周镇', 'clear', null],
    ]);
  });

  it('gives a historical storm no countdown at all', () => {
    expect(townshipLines(makeExposure(rows, { historical: true }), now).every((l) => l.kind === 'clear')).toBe(true);
  });
});
