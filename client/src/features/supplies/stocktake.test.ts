import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shell/api/apiError';
import { item } from './testFixtures';
import { countSheet, signedDifference, stocktakeRefusal, summarize } from './stocktake';

const catalogue = [item('tent'), item('quilt'), item('pump'), item('boat')];
const book: Record<string, { onHand: number; reserved: number }> = { quilt: { onHand: 80, reserved: 0 }, tent: { onHand: 40, reserved: 10 }, boat: { onHand: 2, reserved: 0 } };
const sheet = (typed: Record<string, number | string | null>) => countSheet(catalogue, (id) => book[id], typed);

describe('stocktake count sheet', () => {
  it('lists the items the depot holds first, each with its book quantity, then the rest of the catalogue at 0', () => {
    const lines = sheet({});
    expect(lines.map((l) => [l.item.id, l.held, l.book])).toEqual([
      ['tent', true, 40],
      ['quilt', true, 80],
      ['boat', true, 2],
      ['pump', false, 0],
    ]);
    expect(lines.every((l) => l.counted === null && l.difference === 0 && l.problem === null)).toBe(true);
  });

  it('shows counted minus book: a shortage, a surplus, a match, and an item found that was never on the book', () => {
    const lines = sheet({ tent: 37, quilt: 85, boat: 2, pump: 1 });
    expect(Object.fromEntries(lines.map((l) => [l.item.id, l.difference]))).toEqual({ tent: -3, quilt: 5, boat: 0, pump: 1 });
    const summary = summarize(lines);
    expect(summary).toMatchObject({ counted: 4, surplus: 2, shortage: 1, matching: 1, problems: 0 });
    // Only the differences are posted; a match leaves the ledger alone.
    expect(summary.changes.map((l) => [l.item.id, l.counted])).toEqual([
      ['tent', 37],
      ['quilt', 85],
      ['pump', 1],
    ]);
  });

  it('leaves emptied inputs out of the count', () => {
    const summary = summarize(sheet({ tent: '', quilt: null, boat: 1 }));
    expect(summary.counted).toBe(1);
    expect(summary.changes.map((l) => l.item.id)).toEqual(['boat']);
  });

  it('holds back counts that are not whole numbers or fall below what runs have reserved', () => {
    const lines = sheet({ tent: 9, quilt: 2.5, boat: -1, pump: 3 });
    expect(Object.fromEntries(lines.map((l) => [l.item.id, l.problem]))).toEqual({ tent: 'below_reserved', quilt: 'not_whole', boat: 'not_whole', pump: null });
    const summary = summarize(lines);
    expect(summary.problems).toBe(3);
    expect(summary.changes.map((l) => l.item.id)).toEqual(['pump']);
    // Exactly what is reserved is allowed: it leaves nothing available, but nothing promised is lost.
    expect(sheet({ tent: 10 })[0]).toMatchObject({ problem: null, difference: -30 });
  });

  it('writes differences with their sign', () => {
    expect([signedDifference(5), signedDifference(-3), signedDifference(0)]).toEqual(['+5', '−3', '0']);
  });
});

describe('stocktake refusals', () => {
  const names = { depot: '象山县救灾物资储备库', item: '帐篷', unit: '顶' };

  it('explains a count below what is reserved with what is reserved', () => {
    const e = new ApiError('INSUFFICIENT_STOCK', 'Not enough tent', 409, { depotId: 'd1', itemId: 'tent', onHand: 40, reserved: 10, available: 30, requested: 35 });
    expect(stocktakeRefusal(e, 5, names)).toEqual({ key: 'supplies.stocktake.refusedReserved', params: { ...names, counted: 5, reserved: 10 } });
  });

  it('falls back to the plain code without details, and leaves other errors to the caller', () => {
    expect(stocktakeRefusal(new ApiError('INSUFFICIENT_STOCK', 'x', 409), 5, names)).toEqual({ key: 'errors.INSUFFICIENT_STOCK', params: {} });
    expect(stocktakeRefusal(new ApiError('FORBIDDEN', 'x', 403), 5, names)).toBeNull();
  });
});
