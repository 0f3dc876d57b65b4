import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import type { Shelter, ShelterCreate, ShelterMovement, TownshipEvacuation } from '@shared/schemas/shelter';
import { sheltersApi } from './api';
import { mergeMovements } from './shelterModel';
import { syncedStore } from '../../shell/realtime/syncedStore';

/** A shelter's check-ins and check-outs, newest first, once a screen has asked for them. */
export interface MovementHistory {
  movements: ShelterMovement[];
  loading: boolean;
  error: unknown;
}

/** A township's 投亲靠友 count is kept once for real and once for drills. */
const reportKey = (r: Pick<TownshipEvacuation, 'township' | 'exercise'>) => `${r.township}|${r.exercise ? 'drill' : 'real'}`;

/**
 * Shelters with their occupancy, and townships' own counts of evacuees staying with relatives (real and drill
 * counts apart). A shelter's movement history is loaded on demand and then kept live.
 */
export const useSheltersStore = defineStore('shelters', () => {
  const byId = ref<Record<string, Shelter>>({});
  const evacuations = ref<Record<string, TownshipEvacuation>>({});
  const histories = ref<Record<string, MovementHistory>>({});

  const list = computed(() => Object.values(byId.value).sort((a, b) => a.township.localeCompare(b.township, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN')));
  const townshipEvacuations = computed(() => Object.values(evacuations.value));
  const get = (id: string): Shelter | undefined => byId.value[id];
  const reportOf = (township: string, exercise: boolean): TownshipEvacuation | null => evacuations.value[reportKey({ township, exercise })] ?? null;

  function put(shelter: Shelter): void {
    const current = byId.value[shelter.id];
    if (!current || current.updatedAt <= shelter.updatedAt) byId.value[shelter.id] = shelter;
  }

  const historyOf = (id: string): MovementHistory | undefined => histories.value[id];

  /** Fetches a shelter's newest movements into its history (kept live from then on); a failure lands in its `error`. */
  async function loadMovements(id: string): Promise<void> {
    histories.value[id] ??= { movements: [], loading: false, error: null };
    const history = histories.value[id];
    history.loading = true;
    history.error = null;
    try {
      const movements = await sheltersApi.movements(id);
      const current = histories.value[id];
      if (current) current.movements = mergeMovements(current.movements, movements);
    } catch (e) {
      history.error = e;
    } finally {
      history.loading = false;
    }
  }

  /** Keeps a shelter's history live from now on, fetched from the server unless the store already holds it. */
  async function trackMovements(id: string): Promise<void> {
    const held = histories.value[id];
    if (!held || held.error) await loadMovements(id);
  }

  function reset(shelters: Shelter[], reports: TownshipEvacuation[]): void {
    byId.value = Object.fromEntries(shelters.map((s) => [s.id, s]));
    evacuations.value = Object.fromEntries(reports.map((r) => [reportKey(r), r]));
    // Movements made while the socket was away came with no event: fetch the histories held again.
    for (const id of Object.keys(histories.value)) {
      if (byId.value[id]) void loadMovements(id);
      else delete histories.value[id];
    }
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'shelter.created':
      case 'shelter.updated':
      case 'shelter.status_changed':
        put(event.payload.shelter);
        break;
      case 'shelter.occupancy_changed': {
        put(event.payload.shelter);
        const history = histories.value[event.payload.shelter.id];
        if (history) history.movements = mergeMovements(history.movements, [event.payload.movement]);
        break;
      }
      case 'supply_run.arrived':
        if (event.payload.shelter) put(event.payload.shelter);
        break;
      case 'evacuation.township_reported':
        evacuations.value[reportKey(event.payload.report)] = event.payload.report;
        break;
      default:
        break;
    }
  }

  const create = async (input: ShelterCreate) => {
    const shelter = await sheltersApi.create(input);
    put(shelter);
    return shelter;
  };
  const update = async (id: string, patch: Partial<ShelterCreate>) => {
    const shelter = await sheltersApi.update(id, patch);
    put(shelter);
    return shelter;
  };
  const setStatus = async (id: string, status: 'open' | 'closed') => put(await sheltersApi.setStatus(id, status));
  const move = async (id: string, kind: 'check_in' | 'check_out', people: number, note = '', exercise = false) => put(await sheltersApi.move(id, kind, people, note, exercise));
  async function reportRelatives(township: string, withRelatives: number, exercise = false): Promise<void> {
    const report = await sheltersApi.reportRelatives(township, withRelatives, exercise);
    const current = evacuations.value[reportKey(report)];
    if (!current || current.reportedAt <= report.reportedAt) evacuations.value[reportKey(report)] = report;
  }

  return { byId, list, townshipEvacuations, get, reportOf, historyOf, trackMovements, reset, applyEvent, create, update, setStatus, move, reportRelatives };
});

/** The events the shelters store handles and its part of the synchronised state. */
export const sheltersSync = syncedStore({
  name: 'shelters',
  events: [
    'shelter.created',
    'shelter.updated',
    'shelter.status_changed',
    'shelter.occupancy_changed',
    'evacuation.township_reported',
    // A delivery to a shelter changes the shelter's supplies on hand too.
    'supply_run.arrived',
  ],
  apply: (event) => useSheltersStore().applyEvent(event),
  fromSnapshot: (snapshot) => useSheltersStore().reset(snapshot.shelters, snapshot.townshipEvacuations),
  clear: () => useSheltersStore().reset([], []),
});
