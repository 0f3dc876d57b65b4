import type { SituationOverview } from '@shared/schemas/overview';

/**
 * The wall's stock and evacuation panels as rows of plain bars (HTML, so a label wraps instead of being cut).
 *
 * Stock: each key item against its own minimum. Sandbags, generators and life jackets share no unit, so one
 * shared scale (linear or log) only tells the commander which number is biggest; what they ask of each line is
 * "is there enough?". Each track runs to twice the item's minimum, with the minimum marked half-way: a bar short
 * of the mark is short of stock, a full bar has at least twice the minimum, whatever the magnitudes.
 */
export const STOCK_TRACK_MINIMUMS = 2;

export type StockLevel = 'low' | 'depot_low' | 'ok';

export interface StockBar {
  itemId: string;
  name: string;
  unit: string;
  available: number;
  minLevel: number;
  /** Filled share of the track, 0–1. */
  fill: number;
  /** Where the minimum sits on the track, 0–1 (half-way; at the start when an item has no minimum). */
  minAt: number;
  level: StockLevel;
}

export function stockBars(keyItems: SituationOverview['stock']['keyItems']): StockBar[] {
  return keyItems.map((i) => {
    const track = i.minLevel * STOCK_TRACK_MINIMUMS;
    const fill = track > 0 ? Math.min(1, i.available / track) : i.available > 0 ? 1 : 0;
    const level: StockLevel = i.available < i.minLevel ? 'low' : i.depotsLow > 0 ? 'depot_low' : 'ok';
    return { itemId: i.itemId, name: i.name, unit: i.unit, available: i.available, minLevel: i.minLevel, fill, minAt: track > 0 ? 1 / STOCK_TRACK_MINIMUMS : 0, level };
  });
}

export interface EvacuationBar {
  township: string;
  sheltered: number;
  withRelatives: number;
  evacuated: number;
  /** Shares of the track; the largest township fills it. People are people, so one linear scale fits here. */
  shelteredShare: number;
  relativesShare: number;
}

/** Townships with anyone evacuated or a shelter open, most evacuated first. */
export function evacuationBars(evacuation: SituationOverview['evacuation']): EvacuationBar[] {
  const rows = evacuation.townships.filter((t) => t.evacuated > 0 || t.sheltersOpen > 0).sort((a, b) => b.evacuated - a.evacuated || a.township.localeCompare(b.township, 'zh-CN'));
  const most = Math.max(1, ...rows.map((r) => r.evacuated));
  return rows.map((r) => ({
    township: r.township,
    sheltered: r.sheltered,
    withRelatives: r.withRelatives,
    evacuated: r.evacuated,
    shelteredShare: r.sheltered / most,
    relativesShare: r.withRelatives / most,
  }));
}
