import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBestTrackCsv } from './best-track-csv';
import { parseJmaBestTrack } from './jma-best-track';

// Real data: the same JMA best tracks as CSV, see ../fixtures/ATTRIBUTION.md.
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const identity = { number: '1909', nameEn: 'LEKIMA', nameZh: '利奇马' };

describe('best-track CSV', () => {
  it('gives the same track as the JMA text of the same storm', () => {
    for (const [csv, txt, number] of [
      ['jma_bst_1909_lekima.csv', 'jma_bst_1909_lekima.txt', '1909'],
      ['jma_bst_2004_hagupit.csv', 'jma_bst_2004_hagupit.txt', '2004'],
    ] as const) {
      const [fromCsv] = parseBestTrackCsv(fixture(csv), { ...identity, number });
      const [fromTxt] = parseJmaBestTrack(fixture(txt));
      expect(fromCsv!.track).toEqual(fromTxt!.track);
    }
  });

  it('needs the storm number, which the file does not carry', () => {
    expect(() => parseBestTrackCsv(fixture('jma_bst_1909_lekima.csv'), null)).toThrow(/send \?number=YYNN/);
  });

  it('names the line and the column of a bad cell, and a missing column', () => {
    const lines = fixture('jma_bst_1909_lekima.csv').split('\n');
    lines[4] = lines[4]!.replace(',14.3,', ',north,');
    expect(() => parseBestTrackCsv(lines.join('\n'), identity)).toThrow('line 5, lat: "north" is not a number');
    const direction = fixture('jma_bst_1909_lekima.csv').replace('2019-08-09T18:00:00Z,5,TY,28.2,121.3,950,85,E,', '2019-08-09T18:00:00Z,5,TY,28.2,121.3,950,85,East,');
    expect(() => parseBestTrackCsv(direction, identity)).toThrow(/line \d+, r50kt_longest_dir: "East" is not one of NE, E/);
    const noPressure = fixture('jma_bst_1909_lekima.csv').replace('pressure_hpa', 'pressure');
    expect(() => parseBestTrackCsv(noPressure, identity)).toThrow('line 1, header: missing column(s) pressure_hpa');
  });
});
