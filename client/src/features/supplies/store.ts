import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import type { CsvEncoding, Depot, DepotCreate, DepotPatch, LedgerEntry, StockLevel, StockMovement, Stocktake, SupplyCsvKind, SupplyItem, SupplyItemCreate, SupplyItemPatch } from '@shared/schemas/supply';
import type { SupplyRun, SupplyRunCreate } from '@shared/schemas/supply-run';
import { suppliesApi } from './api';
import { byTierThenName, levelKey, mergeEntries, runOrder } from './supplyModel';
import { syncedStore } from '../../shell/realtime/syncedStore';

const isActive = (r: SupplyRun) => r.status === 'allocated' || r.status === 'in_transit';

/**
 * Depots, the catalogue, stock levels (a projection of the server's ledger) and supply runs: the active
 * ones from the snapshot, finished ones as they finish or once the history is loaded. The ledger is
 * loaded on demand and then kept live.
 */
export const useSuppliesStore = defineStore('supplies', () => {
  const depotsById = ref<Record<string, Depot>>({});
  const itemsById = ref<Record<string, SupplyItem>>({});
  const levelsByKey = ref<Record<string, StockLevel>>({});
  const runsById = ref<Record<string, SupplyRun>>({});
  /** Newest first; kept live once a screen has asked for it (tracked). */
  const ledger = ref<LedgerEntry[]>([]);
  const ledgerTracked = ref(false);
  /** The depot the ledger is of (null: every depot). */
  const ledgerDepotId = ref<string | null>(null);
  const ledgerError = ref<unknown>(null);

  const depots = computed(() => Object.values(depotsById.value).sort(byTierThenName));
  const items = computed(() => Object.values(itemsById.value));
  const levels = computed(() => Object.values(levelsByKey.value));
  const runs = computed(() => Object.values(runsById.value).sort(runOrder));
  const activeRuns = computed(() => runs.value.filter(isActive));

  const depot = (id: string): Depot | undefined => depotsById.value[id];
  const item = (id: string): SupplyItem | undefined => itemsById.value[id];
  const level = (depotId: string, itemId: string): StockLevel | undefined => levelsByKey.value[levelKey({ depotId, itemId })];

  function putLevels(list: readonly StockLevel[]): void {
    for (const l of list) {
      const current = levelsByKey.value[levelKey(l)];
      if (!current || current.updatedAt <= l.updatedAt) levelsByKey.value[levelKey(l)] = l;
    }
  }

  function putRun(run: SupplyRun): void {
    const current = runsById.value[run.id];
    if (!current || current.updatedAt <= run.updatedAt) runsById.value[run.id] = run;
  }

  const putDepot = (d: Depot) => (depotsById.value[d.id] = d);
  const putItem = (i: SupplyItem) => (itemsById.value[i.id] = i);

  function addEntries(entries: readonly LedgerEntry[]): void {
    if (!ledgerTracked.value) return;
    const depotId = ledgerDepotId.value;
    ledger.value = mergeEntries(ledger.value, depotId ? entries.filter((e) => e.depotId === depotId) : entries);
  }

  function reset(input: { depots: Depot[]; supplyItems: SupplyItem[]; stockLevels: StockLevel[]; supplyRuns: SupplyRun[] }): void {
    depotsById.value = Object.fromEntries(input.depots.map((d) => [d.id, d]));
    itemsById.value = Object.fromEntries(input.supplyItems.map((i) => [i.id, i]));
    levelsByKey.value = Object.fromEntries(input.stockLevels.map((l) => [levelKey(l), l]));
    // Finished runs never change again, so those already known stay; active ones come from the snapshot.
    const finished = Object.values(runsById.value).filter((r) => !isActive(r));
    runsById.value = Object.fromEntries([...finished, ...input.supplyRuns].map((r) => [r.id, r]));
    if (ledgerTracked.value) trackLedger(ledgerDepotId.value);
  }

  /** Logout: nothing of the previous session stays, finished runs and the tracked ledger included. */
  function clear(): void {
    depotsById.value = {};
    itemsById.value = {};
    levelsByKey.value = {};
    runsById.value = {};
    ledger.value = [];
    ledgerTracked.value = false;
    ledgerDepotId.value = null;
    ledgerError.value = null;
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'depot.created':
      case 'depot.updated':
        putDepot(event.payload.depot);
        break;
      case 'supply_item.created':
      case 'supply_item.updated':
        putItem(event.payload.item);
        break;
      case 'stock.changed':
        putLevels(event.payload.levels);
        addEntries(event.payload.entries);
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
        // Run events carry levels but not their ledger entries: fetch them if the ledger is on screen.
        if (ledgerTracked.value) trackLedger(ledgerDepotId.value);
        break;
      default:
        break;
    }
  }

  async function loadLedger(depotId: string | null): Promise<void> {
    if (!ledgerTracked.value || ledgerDepotId.value !== depotId) ledger.value = [];
    ledgerTracked.value = true;
    ledgerDepotId.value = depotId;
    const entries = await suppliesApi.ledger(depotId ? { depotId } : {});
    if (ledgerDepotId.value === depotId) ledger.value = mergeEntries(ledger.value, entries);
  }

  /** Starts collecting live entries of a depot (or all) and fetches the newest ones; a failure lands in ledgerError. */
  function trackLedger(depotId: string | null): void {
    ledgerError.value = null;
    loadLedger(depotId).catch((e: unknown) => (ledgerError.value = e));
  }

  async function loadRuns(): Promise<void> {
    for (const run of await suppliesApi.runs()) putRun(run);
  }

  // Commands answer with the new state; apply it at once so the desk does not wait for the event.
  async function move(movement: StockMovement): Promise<void> {
    putLevels(await suppliesApi.move(movement));
  }

  async function stocktake(input: Stocktake): Promise<void> {
    putLevels([await suppliesApi.stocktake(input)]);
  }

  async function setThreshold(depotId: string, itemId: string, minLevel: number): Promise<void> {
    putLevels([await suppliesApi.setThreshold(depotId, itemId, minLevel)]);
  }

  async function runCommand(call: Promise<SupplyRun>): Promise<SupplyRun> {
    const run = await call;
    putRun(run);
    return run;
  }
  const allocateRun = (input: SupplyRunCreate) => runCommand(suppliesApi.allocateRun(input));
  const departRun = (id: string, eta: string, vehicle?: string) => runCommand(suppliesApi.departRun(id, eta, vehicle));
  const arriveRun = (id: string, note?: string) => runCommand(suppliesApi.arriveRun(id, note));
  const cancelRun = (id: string, reason: string) => runCommand(suppliesApi.cancelRun(id, reason));

  const createDepot = async (input: DepotCreate) => putDepot(await suppliesApi.createDepot(input));
  const updateDepot = async (id: string, patch: DepotPatch) => putDepot(await suppliesApi.updateDepot(id, patch));
  const createItem = async (input: SupplyItemCreate) => putItem(await suppliesApi.createItem(input));
  const updateItem = async (id: string, patch: SupplyItemPatch) => putItem(await suppliesApi.updateItem(id, patch));

  const exportCsv = (kind: SupplyCsvKind) => suppliesApi.exportCsv(kind);
  const importCsv = (kind: SupplyCsvKind, file: Blob, encoding?: CsvEncoding) => suppliesApi.importCsv(kind, file, encoding);

  return {
    depotsById,
    itemsById,
    levelsByKey,
    runsById,
    ledger,
    ledgerTracked,
    ledgerDepotId,
    ledgerError,
    depots,
    items,
    levels,
    runs,
    activeRuns,
    depot,
    item,
    level,
    reset,
    clear,
    applyEvent,
    trackLedger,
    loadRuns,
    move,
    stocktake,
    setThreshold,
    allocateRun,
    departRun,
    arriveRun,
    cancelRun,
    createDepot,
    updateDepot,
    createItem,
    updateItem,
    exportCsv,
    importCsv,
  };
});

/** The events the supplies store handles and its part of the synchronised state. */
export const suppliesSync = syncedStore({
  name: 'supplies',
  events: [
    'depot.created',
    'depot.updated',
    'supply_item.created',
    'supply_item.updated',
    'stock.changed',
    'stock.threshold_set',
    'supply_run.allocated',
    'supply_run.departed',
    'supply_run.arrived',
    'supply_run.cancelled',
  ],
  apply: (event) => useSuppliesStore().applyEvent(event),
  fromSnapshot: (snapshot) => useSuppliesStore().reset(snapshot),
  clear: () => useSuppliesStore().clear(),
});
