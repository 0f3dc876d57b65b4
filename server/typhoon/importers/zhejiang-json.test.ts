import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bearingOfChinese, beijingToUtc, parseZhejiangJson } from './zhejiang-json';

// MADE UP for these tests (see ../fixtures/ATTRIBUTION.md): the TyphoonInfo shape with quadrant radii and forecasts.
const MADE_UP = readFileSync(new URL('../fixtures/zhejiang_storm_made_up.json', import.meta.url), 'utf8');

describe('Zhejiang typhoon JSON', () => {
  it('converts Beijing times without an offset to UTC', () => {
    expect(beijingToUtc('2019-08-10 01:45:00', 'time')).toBe('2019-08-09T17:45:00.000Z');
    expect(() => beijingToUtc('10/08/2019 01:45', 'points[3].time')).toThrow('points[3].time: "10/08/2019 01:45" is not a time like');
  });

  it('reads the storm: number from tfid, names, 2-minute wind in m/s, quadrant radii in the configured order', () => {
    const [storm] = parseZhejiangJson(MADE_UP);
    expect(storm).toMatchObject({ number: '2699', nameZh: '测试', nameEn: 'TESTA', source: 'zhejiang_json' });
    expect(storm!.track[1]).toMatchObject({
      at: '2026-08-01T06:00:00.000Z',
      windMs: 42,
      sourceWind: { value: 42, unit: 'ms_2min' },
      grade: 'STY',
      beaufort: 14,
      moveDirectionDeg: 292.5,
      moveSpeedKmh: 22,
      radii: { level7: { ne: 320, se: 260, sw: 220, nw: 300 }, level10: { ne: 120, se: 100, sw: 80, nw: 110 }, level12: { ne: 50, se: 40, sw: 30, nw: 45 } },
    });
    expect(storm!.track[0]!.radii.level12).toBeNull();
    const [reordered] = parseZhejiangJson(MADE_UP, ['nw', 'ne', 'se', 'sw']);
    expect(reordered!.track[1]!.radii.level7).toEqual({ nw: 320, ne: 260, se: 220, sw: 300 });
  });

  it('keeps each of the five agencies latest forecast after its issue time, and leaves other agencies out', () => {
    const [storm] = parseZhejiangJson(MADE_UP);
    expect(storm!.forecasts.map((f) => [f.agency, f.issuedAt, f.points.length])).toEqual([
      ['BABJ', '2026-08-01T06:00:00.000Z', 3],
      ['RJTD', '2026-08-01T06:00:00.000Z', 1],
    ]);
    expect(storm!.forecasts[0]!.points[0]).toMatchObject({ at: '2026-08-01T18:00:00.000Z', lat: 26.8, lon: 124.6, windMs: 48, grade: 'STY', pressureHpa: 940 });
  });

  it('takes a JSONP wrapper off, and reads one radius as a circle', () => {
    const single = MADE_UP.replace('"300|250|200|280"', '"220"');
    const [storm] = parseZhejiangJson(`jQuery183_1566({${single.trim().slice(1)});`);
    expect(storm!.track[0]!.radii.level7).toEqual({ ne: 220, se: 220, sw: 220, nw: 220 });
  });

  it('names the field of a bad radius; 9999 is no data', () => {
    expect(() => parseZhejiangJson(MADE_UP.replace('"300|250|200|280"', '"300|250|200"'))).toThrow('points[0].radius7: "300|250|200" is neither one radius nor four');
    expect(() => parseZhejiangJson(MADE_UP.replace('"300|250|200|280"', '"300|2500|200|280"'))).toThrow('points[0].radius7: "300|2500|200|280" has a radius over 1500 km');
    expect(parseZhejiangJson(MADE_UP.replace('"300|250|200|280"', '"9999|9999|9999|9999"'))[0]!.track[0]!.radii.level7).toBeNull();
    expect(() => parseZhejiangJson('{"tfid":"2026","points":[]}')).toThrow('tfid: "2026" is not a storm number like 201909');
    expect(() => parseZhejiangJson('not json')).toThrow(/^file: not JSON/);
  });

  it('reads Chinese compass words as bearings', () => {
    expect([bearingOfChinese('北'), bearingOfChinese('西北'), bearingOfChinese('北西'), bearingOfChinese('西北西'), bearingOfChinese('北北西'), bearingOfChinese('东南')]).toEqual([0, 315, 315, 292.5, 337.5, 135]);
    expect(bearingOfChinese('')).toBeNull();
  });
});
