import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJmaBestTrack } from './jma-best-track';

// Real data: RSMC Tokyo (JMA) best track, see ../fixtures/ATTRIBUTION.md.
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const LEKIMA = fixture('jma_bst_1909_lekima.txt');
const HAGUPIT = fixture('jma_bst_2004_hagupit.txt');

const failure = (text: string) => {
  try {
    parseJmaBestTrack(text);
  } catch (err) {
    return { message: (err as Error).message, details: (err as { details?: unknown }).details };
  }
  throw new Error('expected the file to be refused');
};

describe('JMA best track', () => {
  it('reads Lekima: every 6-hourly line, UTC times, positions, pressure, and 10-minute knots as 2-minute m/s with their grade', () => {
    const [lekima] = parseJmaBestTrack(LEKIMA);
    expect(lekima).toMatchObject({ number: '1909', nameEn: 'LEKIMA', source: 'jma_best_track' });
    expect(lekima!.track).toHaveLength(56);
    expect(lekima!.track[0]).toMatchObject({ at: '2019-08-02T06:00:00.000Z', lat: 14.5, lon: 134.3, pressureHpa: 1002, windMs: null, grade: 'TD', sourceWind: null });
    const peak = lekima!.track.find((p) => p.at === '2019-08-09T00:00:00.000Z');
    // 90 kt × 0.514444 × 1.05 = 48.6 m/s: 强台风 (41.5–50.9 m/s), Beaufort 15.
    expect(peak).toMatchObject({ lat: 26.4, lon: 123.4, pressureHpa: 940, windMs: 48.6, sourceWind: { value: 90, unit: 'kt_10min' }, grade: 'STY', beaufort: 15 });
  });

  it('builds quadrant circles from the longest and shortest radii: the longest towards its direction, 12-level has no data', () => {
    const [lekima] = parseJmaBestTrack(LEKIMA);
    const at = (t: string) => lekima!.track.find((p) => p.at === t)!;
    // "20100 0070 20300 0250": longest to the east (code 2) covers NE and SE.
    expect(at('2019-08-09T18:00:00.000Z').radii).toEqual({ level7: { ne: 556, se: 556, sw: 463, nw: 463 }, level10: { ne: 185, se: 185, sw: 130, nw: 130 }, level12: null });
    // Code 9: a circle.
    expect(at('2019-08-09T12:00:00.000Z').radii.level10).toEqual({ ne: 185, se: 185, sw: 185, nw: 185 });
    // 50-kt radius 0: no 10-level wind (0 km), which is not "no data".
    expect(at('2019-08-10T06:00:00.000Z').radii.level10).toEqual({ ne: 0, se: 0, sw: 0, nw: 0 });
    // A depression's line has no radii at all: no data.
    expect(lekima!.track[0]!.radii).toEqual({ level7: null, level10: null, level12: null });
  });

  it('reads several storms from one file, as bst_all.txt has them', () => {
    const storms = parseJmaBestTrack(`${LEKIMA}${HAGUPIT}`);
    expect(storms.map((s) => [s.number, s.nameEn, s.track.length])).toEqual([
      ['1909', 'LEKIMA', 56],
      ['2004', 'HAGUPIT', 55],
    ]);
  });

  it('refuses a truncated file, naming the header whose lines are missing', () => {
    const lines = LEKIMA.split('\n');
    const truncated = [...lines.slice(0, 30), ...HAGUPIT.split('\n')].join('\n');
    expect(failure(truncated)).toMatchObject({ message: expect.stringContaining('line 1, data line count'), details: { line: 1 } });
  });

  it('names the line and the field of a bad value', () => {
    const lines = LEKIMA.split('\n');
    lines[9] = lines[9]!.slice(0, 15) + '9x9' + lines[9]!.slice(18);
    expect(failure(lines.join('\n'))).toMatchObject({ message: expect.stringContaining('line 10, latitude'), details: { line: 10, field: 'latitude' } });
    const wrongDir = LEKIMA.replace('19080918 002 5 282 1213  950     085     20100', '19080918 002 5 282 1213  950     085     00100');
    expect(failure(wrongDir).message).toContain('line 37, 50-kt radius (direction)');
  });

  it('refuses times that go backwards, naming the line', () => {
    const lines = LEKIMA.split('\n');
    [lines[5], lines[6]] = [lines[6]!, lines[5]!];
    expect(failure(lines.join('\n')).message).toMatch(/^line 7, time: .* is not after the point before it/);
  });

  it('reads a radius of 9999 as no data, and a storm across 180° with longitudes in (-180, 180]', () => {
    const lines = LEKIMA.split('\n');
    lines[33] = lines[33]!.slice(0, 52) + '99999 9999' + lines[33]!.slice(62);
    const [storm] = parseJmaBestTrack(lines.join('\n'));
    expect(storm!.track.find((p) => p.at === '2019-08-09T00:00:00.000Z')!.radii.level7).toBeNull();

    const crossing = [
      '66666 9901  003 0001 9901 0 6               CROSSER             20200101',
      '99010100 002 3 200 1790  990     040',
      '99010106 002 3 205 1800  990     040',
      '99010112 002 3 210 1812  990     040',
    ].join('\n');
    expect(parseJmaBestTrack(crossing)[0]!.track.map((p) => p.lon)).toEqual([179, 180, -178.8]);
  });

  it('says what it expected of a file that is not a best track', () => {
    expect(failure('hello\n').message).toContain('line 1, header: expected a storm header starting with 66666');
  });
});
