import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import type { Depot, StockLevel, SupplyItem } from '@shared/schemas/supply';
import type { SupplyRun } from '@shared/schemas/supply-run';

const levelKey = (l: Pick<StockLevel, 'depotId' | 'itemId'>) => `${l.depotId}|${l.itemId}`;
const isActive = (r: SupplyRun) => r.status === 'allocated' || r.status === 'in_transit';

/** Depots, the catalogue, stock levels (a projection of the server's ledger) and active supply runs. */
export const useSuppliesStore = defineStore('supplies', () => {
  const depotsById = ref<Record<string, Depot>>({});
  const itemsById = ref<Record<string, SupplyItem>>({});
  const levelsByKey = ref<Record<string, StockLevel>>({});
  const runsById = ref<Record<string, SupplyRun>>({});

  const depots = computed(() => Object.values(depotsById.value));
  const items = computed(() => Object.values(itemsById.value));
  const levels = computed(() => Object.values(levelsByKey.value));
  const activeRuns = computed(() => Object.values(runsById.value).filter(isActive));

  function putLevels(levels: readonly StockLevel[]): void {
    for (const l of levels) {
      const current = levelsByKey.value[levelKey(l)];
      if (!current || current.updatedAt <= l.updatedAt) levelsByKey.value[levelKey(l)] = l;
    }
  }

  function putRun(run: SupplyRun): void {
    const current = runsById.value[run.id];
    if (current && current.updatedAt > run.updatedAt) return;
    if (isActive(run)) runsById.value[run.id] = run;
    else delete runsById.value[run.id];
  }

  function reset(input: { depots: Depot[]; supplyItems: SupplyItem[]; stockLevels: StockLevel[]; supplyRuns: SupplyRun[] }): void {
    depotsById.value = Object.fromEntries(input.depots.map((d) => [d.id, d]));
    itemsById.value = Object.fromEntries(input.supplyItems.map((i) => [i.id, i]));
    levelsByKey.value = Object.fromEntries(input.stockLevels.map((l) => [levelKey(l), l]));
    runsById.value = Object.fromEntries(input.supplyRuns.filter(isActive).map((r) => [r.id, r]));
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'depot.created':
      case 'depot.updated':
        depotsById.value[event.payload.depot.id] = event.payload.depot;
        break;
      case 'supply_item.created':
      case 'supply_item.updated':
        itemsById.value[event.payload.item.id] = event.payload.item;
        break;
      case 'stock.changed':
        putLevels(event.payload.levels);
        break;
      case 'stock.threshold_set':
        putLevels([event.payload.level]);
        break;
      case 'supply_run.allocated':
      case 'supply_run.departed':
      case 'supply_run.arrived':
      case 'supply_run.cancelled':
        putRun(event.payload.run);
        putLevels(event.payload.levels);
        break;
      default:
        break;
    }
  }

  return { depotsById, itemsById, levelsByKey, depots, items, levels, activeRuns, reset, applyEvent };
});
