import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia, storeToRefs } from 'pinia';
import { watch } from 'vue';
import { fix } from './testFixtures';
import { usePositionsStore } from './store';
import { trailCapFor } from './trails';

describe('live positions reach the screen once per frame', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('a burst of pushes is read at once but redraws the views once', async () => {
    const positions = usePositionsStore();
    const { latestVersion, trailsVersion } = storeToRefs(positions);
    let redraws = 0;
    let trailRedraws = 0;
    watch(latestVersion, () => redraws++, { flush: 'sync' });
    watch(trailsVersion, () => trailRedraws++, { flush: 'sync' });
    const now = Date.now();
    for (let i = 0; i < 20; i++) positions.applyBatch([fix('t1', now - 20_000 + i * 1_000, { lat: 29 + i / 100 }), fix(`u${i}`, now)]);
    // What a handler reads right after a push is already current…
    expect(positions.latestOf('t1')?.lat).toBeCloseTo(29.19);
    expect(positions.latestOf('u19')).toBeDefined();
    // …but the views have not been woken twenty times.
    expect(redraws).toBe(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(redraws).toBe(1);
    expect(trailRedraws).toBe(1);
    expect(positions.trailOf('t1')).toHaveLength(20);
  });

  it('a push with nothing newer wakes nobody', async () => {
    const positions = usePositionsStore();
    const now = Date.now();
    positions.applyBatch([fix('t1', now)]);
    await vi.advanceTimersByTimeAsync(300);
    let redraws = 0;
    watch(storeToRefs(positions).latestVersion, () => redraws++, { flush: 'sync' });
    positions.applyBatch([fix('t1', now - 5_000)]);
    await vi.advanceTimersByTimeAsync(300);
    expect(redraws).toBe(0);
  });
});

describe('the trails the wall keeps stay bounded', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('with thousands of teams each trail keeps fewer of its newest points, all of them within the budget', () => {
    const positions = usePositionsStore();
    const now = Date.now();
    positions.applyBatch(Array.from({ length: 4_000 }, (_, i) => fix(`u${i}`, now - 60_000)), now);
    const busy = Array.from({ length: 700 }, (_, i) => fix('u0', now - 60_000 + (i + 1) * 50));
    positions.applyBatch(busy, now);
    const cap = trailCapFor(4_000);
    expect(cap).toBeLessThan(700);
    expect(positions.trailOf('u0')).toHaveLength(cap);
    expect(positions.trailOf('u0').t(cap - 1)).toBe(busy.at(-1)!.t);
  });

  it('forgets the trail and position of a team that is deleted or gone from a snapshot', () => {
    const positions = usePositionsStore();
    const now = Date.now();
    positions.applyBatch([fix('a', now - 2_000), fix('a', now - 1_000), fix('b', now - 1_000), fix('c', now - 1_000)], now);
    positions.removeTeam('a');
    expect(positions.trailOf('a')).toHaveLength(0);
    expect(positions.latestOf('a')).toBeUndefined();
    positions.retainTeams(new Set(['c']));
    expect(positions.trailTeamIds()).toEqual(['c']);
    expect(positions.latestOf('b')).toBeUndefined();
  });
});
