import { computed, type Ref } from 'vue';
import { evacuationProgress, townshipShelterCounts } from '@shared/response/evacuation';
import type { Response } from '@shared/schemas/response';
import { useSheltersStore } from '../shelters/store';
import { useResponseStore } from './store';

/**
 * A response's 人员转移 / 渔船回港 progress from its targets, the shelters' check-ins and the townships' 投亲靠友
 * counts, each of the response's kind: a drill sees only the drills' figures, a real response only the real ones.
 */
export function useEvacuationProgress(response: Ref<Response | null>) {
  const store = useResponseStore();
  const shelters = useSheltersStore();
  return computed(() => {
    const r = response.value;
    if (!r) return null;
    const counts = townshipShelterCounts(shelters.list, shelters.townshipEvacuations, r.exercise);
    return evacuationProgress(store.targetsOf(r.id), counts, store.villagesOf(r.id));
  });
}
