import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import type { Exposure } from '@shared/schemas/typhoon-exposure';
import { typhoonApi } from './api';
import { useTyphoonStore } from './store';

/** Re-asked this often while live, so "inside now" and the countdowns follow the clock between updates. */
const LIVE_REFRESH_MS = 5 * 60_000;
/** A replay slider drag asks once it rests. */
const REPLAY_DEBOUNCE_MS = 300;

/**
 * The exposure of a storm: live from the store (kept fresh on storm updates and every few minutes), or at
 * the replay time when one is set (asked of the server with `?at=`).
 */
export function useStormExposure(stormId: Ref<string | null>, replayAt: Ref<number | null> = ref(null)) {
  const store = useTyphoonStore();
  const replayed = ref<Exposure | null>(null);
  const replayError = ref<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;

  const live = computed(() => (stormId.value ? store.exposureOf(stormId.value) : undefined));
  watch(
    [stormId, () => (stormId.value ? store.get(stormId.value)?.updatedAt : null)],
    () => {
      if (stormId.value) void store.trackExposure(stormId.value);
    },
    { immediate: true },
  );
  const refresh = setInterval(() => {
    if (stormId.value) void store.loadExposure(stormId.value);
  }, LIVE_REFRESH_MS);

  watch(
    [stormId, replayAt],
    ([id, at]) => {
      if (timer) clearTimeout(timer);
      if (!id || at === null) {
        replayed.value = null;
        return;
      }
      timer = setTimeout(async () => {
        const mine = ++asked;
        try {
          const exposure = await typhoonApi.exposure(id, { at: new Date(at).toISOString() });
          if (mine === asked) [replayed.value, replayError.value] = [exposure, null];
        } catch (e) {
          if (mine === asked) replayError.value = e;
        }
      }, REPLAY_DEBOUNCE_MS);
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    clearInterval(refresh);
    if (timer) clearTimeout(timer);
  });

  const exposure = computed(() => (replayAt.value !== null ? replayed.value : (live.value?.exposure ?? null)));
  const error = computed(() => (replayAt.value !== null ? replayError.value : (live.value?.error ?? null)));
  const loading = computed(() => exposure.value === null && !error.value);
  return { exposure, error, loading };
}
