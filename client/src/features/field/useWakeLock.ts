import { onBeforeUnmount, ref } from 'vue';

export type WakeLockState = 'off' | 'active' | 'unavailable';

/** Keeps the screen on while wanted; the browser drops the lock when the page is hidden, so re-acquire. */
export function useWakeLock() {
  const state = ref<WakeLockState>('off');
  let sentinel: WakeLockSentinel | null = null;
  let wanted = false;

  async function acquire(): Promise<void> {
    wanted = true;
    if (!('wakeLock' in navigator)) {
      state.value = 'unavailable';
      return;
    }
    if (sentinel && !sentinel.released) return;
    try {
      sentinel = await navigator.wakeLock.request('screen');
      state.value = 'active';
      sentinel.addEventListener('release', () => {
        if (state.value === 'active') state.value = wanted ? 'unavailable' : 'off';
      });
    } catch {
      state.value = 'unavailable';
    }
  }

  async function release(): Promise<void> {
    wanted = false;
    state.value = 'off';
    const s = sentinel;
    sentinel = null;
    await s?.release().catch(() => {});
  }

  const onVisibility = () => {
    if (wanted && document.visibilityState === 'visible') void acquire();
  };
  document.addEventListener('visibilitychange', onVisibility);
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    void release();
  });

  return { state, acquire, release };
}
