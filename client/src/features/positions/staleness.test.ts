import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LatestPosition } from '@shared/schemas/position';
import { usePositionsStore } from './store';
import { isPositionOld, isSilent } from './staleness';

const NOW = Date.UTC(2026, 8, 1, 6, 0, 0);
const STALE_S = 120;
const at = (t: number, heardAt?: number): LatestPosition => ({ teamId: 't1', lat: 29.4, lon: 121.8, t, speed: null, heading: null, accuracy: null, battery: null, ...(heardAt === undefined ? {} : { heardAt }) });

describe('失联 and 位置未更新', () => {
  it('calls a team silent only when its device is not heard, and its position old while it is heard', () => {
    const heardIndoors = at(NOW - 600_000, NOW - 10_000);
    expect(isSilent(heardIndoors, NOW, STALE_S)).toBe(false);
    expect(isPositionOld(heardIndoors, NOW, STALE_S)).toBe(true);

    const gone = at(NOW - 600_000, NOW - 300_000);
    expect(isSilent(gone, NOW, STALE_S)).toBe(true);
    expect(isPositionOld(gone, NOW, STALE_S)).toBe(false);

    const fresh = at(NOW - 5_000, NOW - 5_000);
    expect([isSilent(fresh, NOW, STALE_S), isPositionOld(fresh, NOW, STALE_S)]).toEqual([false, false]);
    expect(isSilent(undefined, NOW, STALE_S)).toBe(true);
  });
});

describe('positions store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('shows a team heard without a fix as 位置未更新, not 失联', () => {
    const store = usePositionsStore();
    store.staleAfterSeconds = STALE_S;
    store.applyBatch([at(NOW - 600_000, NOW - 600_000)], NOW);
    expect([store.isStale('t1', NOW), store.isPositionOld('t1', NOW)]).toEqual([true, false]);
    store.applyBatch([at(NOW - 600_000, NOW - 1_000)], NOW);
    expect([store.isStale('t1', NOW), store.isPositionOld('t1', NOW)]).toEqual([false, true]);
  });

  it('orders a team by when the server heard it, so a phone clock running ahead does not freeze the marker', () => {
    const store = usePositionsStore();
    store.applyBatch([{ ...at(NOW + 290_000, NOW), lat: 29.5 }], NOW);
    store.applyBatch([{ ...at(NOW + 1_000, NOW + 1_000), lat: 29.51 }], NOW);
    expect(store.latestOf('t1')?.lat).toBe(29.51);
  });
});
