import { describe, expect, it } from 'vitest';
import type { SituationOverview } from '@shared/schemas/overview';
import { evacuationBars, stockBars } from './summaryBars';

const item = (itemId: string, available: number, minLevel: number, depotsLow = 0): SituationOverview['stock']['keyItems'][number] => ({
  itemId,
  name: itemId,
  unit: '件',
  onHand: available,
  reserved: 0,
  available,
  minLevel,
  depotsLow,
});

describe('the wall stock bars', () => {
  it('measure each item against its own minimum, so one huge stock does not flatten the rest', () => {
    const bars = stockBars([item('sandbags', 74_500, 20_000), item('generators', 12, 10), item('jackets', 300, 500), item('boats', 15, 5, 1)]);
    expect(bars.map((b) => [b.itemId, Number(b.fill.toFixed(2)), b.level])).toEqual([
      ['sandbags', 1, 'ok'],
      ['generators', 0.6, 'ok'],
      ['jackets', 0.3, 'low'],
      ['boats', 1, 'depot_low'],
    ]);
    expect(bars.every((b) => b.minAt === 0.5)).toBe(true);
  });

  it('fill an item with no minimum when there is any, and leave it empty when there is none', () => {
    expect(stockBars([item('a', 3, 0), item('b', 0, 0)]).map((b) => [b.fill, b.minAt])).toEqual([
      [1, 0],
      [0, 0],
    ]);
  });
});

describe('the wall evacuation bars', () => {
  it('list townships with people out or a shelter open, most first, on one scale of people', () => {
    const row = (township: string, sheltered: number, withRelatives: number, sheltersOpen = 0) => ({
      township,
      sheltered,
      withRelatives,
      evacuated: sheltered + withRelatives,
      shelters: 1,
      sheltersOpen,
      capacity: 100,
      reportedAt: null,
    });
    const evacuation = { townships: [row('石浦镇', 300, 100), row('高塘岛乡', 50, 150), row('东陈乡', 0, 0), row('定塘镇', 0, 0, 1)], county: row('', 350, 250) };
    const bars = evacuationBars(evacuation);
    expect(bars.map((b) => b.township)).toEqual(['石浦镇', '高塘岛乡', '定塘镇']);
    expect(bars[0]).toMatchObject({ shelteredShare: 0.75, relativesShare: 0.25 });
    expect(bars[1]).toMatchObject({ shelteredShare: 0.125, relativesShare: 0.375 });
  });
});
