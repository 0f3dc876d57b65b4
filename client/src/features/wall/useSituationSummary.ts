import { computed } from 'vue';
import { summarizeSituation } from '@shared/overview';
import { useNow } from '../../ui/useNow';
import { useIncidentsStore } from '../incidents/store';
import { useSheltersStore } from '../shelters/store';
import { useSuppliesStore } from '../supplies/store';

/** The wall's panels, computed live from the stores (the same function backs GET /api/board/summary). */
export function useSituationSummary() {
  const incidents = useIncidentsStore();
  const shelters = useSheltersStore();
  const supplies = useSuppliesStore();
  const now = useNow();
  // Lists only: the countdowns tick on their own, so the summary need not recompute every second.
  const lists = computed(() => ({
    incidents: incidents.list,
    shelters: shelters.list,
    townshipEvacuations: shelters.townshipEvacuations,
    depots: supplies.depots,
    supplyItems: supplies.items,
    stockLevels: supplies.levels,
    supplyRuns: supplies.activeRuns,
  }));
  const summary = computed(() => summarizeSituation(lists.value, Math.floor(now.value / 10_000) * 10_000));
  return { summary, now };
}
