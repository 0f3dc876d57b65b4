import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia, storeToRefs } from 'pinia';
import { watch } from 'vue';
import { fix } from './testFixtures';
import { usePositionsStore } from './store';

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
