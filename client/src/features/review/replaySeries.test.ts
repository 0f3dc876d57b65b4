import { describe, expect, it } from 'vitest';
import { LABELLED_UNITS_LIMIT, unitSeries, type ReplayUnit } from './replaySeries';

const unit = (i: number, look: Partial<ReplayUnit> = {}): ReplayUnit => ({ id: `u${i}`, name: `队${i}`, lat: 29 + i / 1000, lon: 121 + i / 1000, gap: false, alarm: false, ...look });
const series = (all: ReturnType<typeof unitSeries>, id: string) => all.find((s) => s.id === id)!;
const coords = (all: ReturnType<typeof unitSeries>, id: string) => Array.from(series(all, id).data as unknown as Float64Array);

describe('replay unit series', () => {
  it('draws each unit once, in the series of its look, as flat coordinates', () => {
    const all = unitSeries([unit(1), unit(2, { gap: true }), unit(3, { alarm: true }), unit(4, { gap: true, alarm: true })], true, null, 14);
    expect(coords(all, 'replay-units:moving')).toEqual([121.001, 29.001]);
    // A silent unit is drawn silent even with an alarm: it is where it was last heard of.
    expect(coords(all, 'replay-units:silent')).toEqual([121.002, 29.002, 121.004, 29.004]);
    expect(coords(all, 'replay-units:alarm')).toEqual([121.003, 29.003]);
  });

  it('draws the followed unit larger on its own and not again among the others', () => {
    const all = unitSeries([unit(1), unit(2)], true, 'u2', 14);
    expect(series(all, 'replay-unit-followed').data).toEqual([expect.objectContaining({ name: '队2', value: [121.002, 29.002] })]);
    expect(coords(all, 'replay-units:moving')).toEqual([121.001, 29.001]);
  });

  it('names the units while few enough to read, in large mode past that', () => {
    const few = unitSeries([unit(1)], true, null, 14);
    expect(series(few, 'replay-unit-labels').data).toEqual([{ name: '队1', value: [121.001, 29.001] }]);
    const many = unitSeries(Array.from({ length: LABELLED_UNITS_LIMIT + 1 }, (_, i) => unit(i)), true, null, 14);
    expect(series(many, 'replay-unit-labels').data).toEqual([]);
    expect(series(many, 'replay-units:moving')).toMatchObject({ large: true, largeThreshold: LABELLED_UNITS_LIMIT });
  });

  it('draws nothing with the units layer off', () => {
    const all = unitSeries([unit(1)], false, 'u1', 14);
    expect(all.every((s) => (s.data as ArrayLike<unknown>).length === 0)).toBe(true);
  });
});
