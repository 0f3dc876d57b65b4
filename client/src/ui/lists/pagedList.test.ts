import { describe, expect, it } from 'vitest';
import { pageAt, rowsThatFit } from './pagedList';

const teams = Array.from({ length: 45 }, (_, i) => `队${i}`);

describe('a wall list that pages itself', () => {
  it('shows one page that fits its panel, not every unit', () => {
    const shown = pageAt(teams, 20, 0, 8_000);
    expect(shown.items).toEqual(teams.slice(0, 20));
    expect([shown.page, shown.pages]).toEqual([1, 3]);
  });

  it('turns to the next page every period and comes back to the first after the last', () => {
    expect(pageAt(teams, 20, 8_000, 8_000).items).toEqual(teams.slice(20, 40));
    expect(pageAt(teams, 20, 16_000, 8_000).items).toEqual(teams.slice(40));
    expect(pageAt(teams, 20, 24_000, 8_000).page).toBe(1);
  });

  it('a list that fits stays on its only page', () => {
    expect(pageAt(teams.slice(0, 5), 20, 99_000, 8_000)).toEqual({ items: teams.slice(0, 5), page: 1, pages: 1 });
    expect(pageAt([], 20, 0, 8_000)).toEqual({ items: [], page: 1, pages: 1 });
  });

  it('counts the rows that fit, at least one', () => {
    expect(rowsThatFit(400, 36, 4)).toBe(10);
    expect(rowsThatFit(0, 36, 4)).toBe(1);
    expect(rowsThatFit(400, 0, 4)).toBe(1);
  });
});
