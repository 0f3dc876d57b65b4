import { getCurrentScope, onScopeDispose, ref, type Ref } from 'vue';

const now = ref(Date.now());
let timer: ReturnType<typeof setInterval> | null = null;
let subscribers = 0;

/** One shared 1 Hz clock for ages, staleness and the wall clock; stops when nobody uses it. */
export function useNow(): Ref<number> {
  subscribers++;
  if (!timer) {
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), 1_000);
  }
  if (getCurrentScope()) {
    onScopeDispose(() => {
      subscribers--;
      if (subscribers === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    });
  }
  return now;
}
