import { computed, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { deskLocation, deskStateFrom, type DeskState } from './deskState';

/**
 * The desk's state, read from the route, and `go` to move to another: each move is a history entry (back and
 * forward walk through them); `replace` for a step that should not be returned to (a form just submitted).
 */
export function useDeskRoute() {
  const route = useRoute();
  const router = useRouter();
  const state = computed<DeskState>(() => deskStateFrom(route.params.tab, route.query));

  function go(next: DeskState, how: 'push' | 'replace' = 'push'): void {
    const target = router.resolve(deskLocation(next));
    if (target.fullPath === route.fullPath) return;
    void (how === 'push' ? router.push(target) : router.replace(target));
  }

  // A hand-edited or old link is tidied in place (`/desk/teams` → `/desk`), without a history entry.
  watch(
    () => route.fullPath,
    () => {
      if (route.name === 'desk') go(state.value, 'replace');
    },
    { immediate: true },
  );

  return { state, go };
}
