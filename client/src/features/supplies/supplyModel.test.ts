import { describe, expect, it } from 'vitest';
import { MAX_CSV_PROBLEMS, type LedgerEntry } from '@shared/schemas/supply';
import { ApiError } from '../../shell/api/apiError';
import { depot, item, level, run } from './testFixtures';
import { byTierThenName, completeLines, csvRefusalKey, depotStock, levelKey, mergeEntries, runOrder, stockRefusal } from './supplyModel';

const entry = (id: string, at: string): LedgerEntry => ({ id, at, kind: 'receipt', depotId: 'd1', shelterId: null, incidentId: null, itemId: 'tent', quantity: 1, reservedDelta: 0, runId: null, reason: '入库', actorName: '林值班' });

describe('stock of a depot', () => {
  it('lists the items the depot holds in catalogue order and marks those below their minimum', () => {
    const levels = Object.fromEntries(
      [level('d1', 'quilt', { available: 3, minLevel: 5 }), level('d1', 'tent', { available: 5, minLevel: 5 }), level('d2', 'rope'), level('d1', 'boat', { available: 0, minLevel: 0 })].map((l) => [levelKey(l), l]),
    );
    const rows = depotStock('d1', [item('tent'), item('rope'), item('quilt'), item('boat')], levels);
    expect(rows.map((r) => [r.item.id, r.low])).toEqual([
      ['tent', false],
      ['quilt', true],
      ['boat', false],
    ]);
  });

  it('orders depots county, township, village', () => {
    const list = [{ ...depot('v'), tier: 'village' as const }, { ...depot('t'), tier: 'township' as const }, depot('c')];
    expect(list.sort(byTierThenName).map((d) => d.id)).toEqual(['c', 't', 'v']);
  });
});

describe('runs and the ledger', () => {
  it('puts active runs first, oldest request first, then finished ones newest first', () => {
    const runs = [
      run('done-early', { status: 'arrived', updatedAt: '2025-08-01T03:00:00.000Z' }),
      run('young', { requestedAt: '2025-08-01T05:00:00.000Z' }),
      run('done-late', { status: 'cancelled', updatedAt: '2025-08-01T04:00:00.000Z' }),
      run('old', { status: 'in_transit', requestedAt: '2025-08-01T01:00:00.000Z' }),
    ];
    expect(runs.sort(runOrder).map((r) => r.id)).toEqual(['old', 'young', 'done-late', 'done-early']);
  });

  it('merges ledger entries newest first without repeats', () => {
    const merged = mergeEntries([entry('a', '2025-08-01T01:00:00Z'), entry('b', '2025-08-01T02:00:00Z')], [entry('b', '2025-08-01T02:00:00Z'), entry('c', '2025-08-01T03:00:00Z')], 2);
    expect(merged.map((e) => e.id)).toEqual(['c', 'b']);
  });

  it('sends lines only when every one has an item and a positive whole quantity', () => {
    expect(completeLines([{ itemId: 'tent', quantity: 5 }])).toEqual([{ itemId: 'tent', quantity: 5 }]);
    expect(completeLines([{ itemId: 'tent', quantity: 5 }, { itemId: '', quantity: 1 }])).toBeNull();
    expect(completeLines([{ itemId: 'tent', quantity: 0 }])).toBeNull();
    expect(completeLines([{ itemId: 'tent', quantity: 1.5 }])).toBeNull();
    expect(completeLines([])).toBeNull();
  });
});

describe('refusals in plain words', () => {
  const names = { depot: (id: string) => `仓库${id}`, item: (id: string) => ({ name: `物资${id}`, unit: '顶' }) };

  it('names depot, item, what is available and what was asked for when stock would go negative', () => {
    const e = new ApiError('INSUFFICIENT_STOCK', 'Not enough tent', 409, { depotId: 'd1', itemId: 'tent', onHand: 5, reserved: 2, available: 3, requested: 10 });
    expect(stockRefusal(e, names)).toEqual({ key: 'supplies.refused.insufficient', params: { depot: '仓库d1', item: '物资tent', unit: '顶', available: 3, requested: 10 } });
    expect(stockRefusal(new ApiError('INSUFFICIENT_STOCK', 'x', 409), names)).toEqual({ key: 'errors.INSUFFICIENT_STOCK', params: {} });
    expect(stockRefusal(new ApiError('CONFLICT', 'x', 409), names)).toBeNull();
  });

  it('says "at least" when the server cut the list of bad lines short', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ line: i + 2, message: 'x' }));
    expect(csvRefusalKey(lines(3))).toBe('supplies.csv.rejected');
    expect(csvRefusalKey(lines(MAX_CSV_PROBLEMS))).toBe('supplies.csv.rejectedMany');
  });
});
