import { computed, type Ref } from 'vue';
import { evacuationProgress, type TownshipShelterCounts } from '@shared/response/evacuation';
import type { Response } from '@shared/schemas/response';
import { useSheltersStore } from '../shelters/store';
import { useResponseStore } from './store';

/** A response's 人员转移 / 渔船回港 progress from its targets, the shelters' check-ins and the townships' 投亲靠友 counts. */
export function useEvacuationProgress(response: Ref<Response | null>) {
  const store = useResponseStore();
  const shelters = useSheltersStore();
  const counts = computed<TownshipShelterCounts[]>(() => {
    const byTownship = new Map<string, TownshipShelterCounts>();
    const row = (township: string) => byTownship.get(township) ?? byTownship.set(township, { township, sheltered: 0, withRelatives: 0 }).get(township)!;
    for (const s of shelters.list) row(s.township).sheltered += s.occupancy;
    for (const r of shelters.townshipEvacuations) row(r.township).withRelatives += r.withRelatives;
    return [...byTownship.values()];
  });
  return computed(() => (response.value ? evacuationProgress(store.targetsOf(response.value.id), counts.value, response.value.exercise, store.villagesOf(response.value.id)) : null));
}
