import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJmaBestTrack } from './importers/jma-best-track';
import type { ParsedStorm } from './importers/parsed-storm';
import { mergeInto, newStorm } from './merge';

// Real data: Lekima's JMA best track (fixtures/ATTRIBUTION.md), split into two files.
const [LEKIMA] = parseJmaBestTrack(readFileSync(new URL('fixtures/jma_bst_1909_lekima.txt', import.meta.url), 'utf8'));
const part = (from: number, to: number): ParsedStorm => ({ ...LEKIMA!, track: LEKIMA!.track.slice(from, to) });

describe('merging files of the same storm', () => {
  it('joins two files by time, whichever arrives first', () => {
    const early = part(0, 30);
    const late = part(25, 56);
    const a = mergeInto(newStorm(early, false), late)!;
    const b = mergeInto(newStorm(late, false), early)!;
    expect(a.track.map((p) => p.at)).toEqual(LEKIMA!.track.map((p) => p.at));
    expect(b.track.map((p) => p.at)).toEqual(LEKIMA!.track.map((p) => p.at));
    expect(a.updatedAt).toBe(LEKIMA!.track.at(-1)!.at);
    expect(b.updatedAt).toBe(LEKIMA!.track.at(-1)!.at);
  });

  it('never lets an older bulletin overwrite newer data, though it fills gaps', () => {
    const stored = newStorm(part(20, 40), false);
    const olderCorrected: ParsedStorm = { ...part(10, 25), track: part(10, 25).track.map((p) => ({ ...p, pressureHpa: 1000 })) };
    const merged = mergeInto(stored, olderCorrected)!;
    expect(merged.updatedAt).toBe(stored.updatedAt);
    expect(merged.track.find((p) => p.at === LEKIMA!.track[22]!.at)!.pressureHpa).toBe(LEKIMA!.track[22]!.pressureHpa);
    expect(merged.track.find((p) => p.at === LEKIMA!.track[12]!.at)!.pressureHpa).toBe(1000);
    // The same data again changes nothing.
    expect(mergeInto(merged, part(20, 40))).toBeNull();
  });

  it('a newer file wins where both have a point, and each agency keeps its latest forecast', () => {
    const stored = newStorm(part(0, 30), false);
    const issuedAt = LEKIMA!.track[31]!.at;
    const newer: ParsedStorm = {
      ...part(28, 32),
      track: part(28, 32).track.map((p) => ({ ...p, pressureHpa: 930 })),
      forecasts: [{ agency: 'BABJ', issuedAt, points: [{ at: LEKIMA!.track[40]!.at, lat: 30, lon: 121, pressureHpa: 960, windMs: 30, grade: 'STS', radii: { level7: null, level10: null, level12: null } }] }],
    };
    const merged = mergeInto(stored, newer)!;
    expect(merged.track.find((p) => p.at === LEKIMA!.track[29]!.at)!.pressureHpa).toBe(930);
    expect(merged.forecasts.map((f) => [f.agency, f.issuedAt])).toEqual([['BABJ', issuedAt]]);
    const staleForecast: ParsedStorm = { ...part(0, 1), forecasts: [{ ...newer.forecasts[0]!, issuedAt: LEKIMA!.track[5]!.at }] };
    expect(mergeInto(merged, staleForecast)).toBeNull();
  });
});

describe('a storm that spans more than a storm lives', () => {
  it('is refused, naming the times', async () => {
    const { checkSpan } = await import('./merge');
    const early = part(0, 2);
    const far: ParsedStorm = { ...part(2, 3), track: part(2, 3).track.map((p) => ({ ...p, at: '2021-08-02T06:00:00.000Z' })) };
    const merged = mergeInto(newStorm(early, false), far)!;
    expect(() => checkSpan(merged)).toThrow(/storm 1909's times span 731 days/);
    expect(() => checkSpan(newStorm(LEKIMA!, false))).not.toThrow();
  });
});
