import { defineStore } from 'pinia';
import { computed, ref, shallowRef, triggerRef } from 'vue';
import type { DomainEventOf } from '@shared/schemas/event';
import type { StationState } from '@shared/schemas/sensor-reading';
import type { Station } from '@shared/schemas/station';
import { syncedStore } from '../../shell/realtime/syncedStore';
import { gaugesApi } from './api';

type StationEvent = DomainEventOf<'station.created' | 'station.updated' | 'station.deleted'>;

/**
 * The gauges the board follows: the registry (from HTTP, then kept by the `station.*` events) and each station's
 * live state (from HTTP, then kept by the coalesced `stations:batch` pushes). The snapshot carries no stations, so
 * every sync loads both again; what arrives while that load is in flight is replayed over its answer.
 */
export const useGaugesStore = defineStore('gauges', () => {
  const byId = ref<Record<string, Station>>({});
  /** Live states in a plain Map (pushed often); `statesVersion` tells watchers they changed. */
  const states = shallowRef(new Map<string, StationState>());
  const statesVersion = ref(0);
  const loaded = ref(false);
  let loading: { events: StationEvent[]; pushes: StationState[][] } | null = null;

  const list = computed(() => Object.values(byId.value));
  const get = (id: string): Station | undefined => byId.value[id];
  const stateOf = (id: string): StationState | undefined => states.value.get(id);

  function put(station: Station): void {
    const current = byId.value[station.id];
    if (!current || current.updatedAt <= station.updatedAt) byId.value[station.id] = station;
  }

  function remove(id: string): void {
    delete byId.value[id];
    if (states.value.delete(id)) bumpStates();
  }

  function bumpStates(): void {
    triggerRef(states);
    statesVersion.value++;
  }

  function applyStates(batch: readonly StationState[]): void {
    loading?.pushes.push([...batch]);
    for (const state of batch) states.value.set(state.stationId, state);
    if (batch.length) bumpStates();
  }

  function applyEvent(event: StationEvent): void {
    loading?.events.push(event);
    if (event.type === 'station.deleted') remove(event.payload.stationId);
    else put(event.payload.station);
  }

  /** Loads the registry and the live states (on every sync: the snapshot has neither, pushes may have been missed). */
  async function load(): Promise<void> {
    const mine = (loading = { events: [], pushes: [] });
    try {
      const [stations, live] = await Promise.all([gaugesApi.list(), gaugesApi.states()]);
      if (loading !== mine) return;
      byId.value = Object.fromEntries(stations.map((s) => [s.id, s]));
      states.value = new Map(live.map((s) => [s.stationId, s]));
      loading = null;
      for (const event of mine.events) applyEvent(event);
      for (const batch of mine.pushes) applyStates(batch);
      bumpStates();
      loaded.value = true;
    } finally {
      if (loading === mine) loading = null;
    }
  }

  /** A station changed by this screen (maintenance, an admin's edit): shown at once, the event confirms it. */
  const accept = (station: Station) => put(station);

  function clear(): void {
    loading = null;
    byId.value = {};
    states.value = new Map();
    statesVersion.value++;
    loaded.value = false;
  }

  return { byId, list, states, statesVersion, loaded, get, stateOf, applyStates, applyEvent, load, accept, remove, clear };
});

/** Stations come over HTTP and `station.*` events; the live states over their own push (see useRealtime). */
export const gaugesSync = syncedStore({
  name: 'gauges',
  events: ['station.created', 'station.updated', 'station.deleted'],
  apply: (event) => useGaugesStore().applyEvent(event),
  fromSnapshot: () => {},
  clear: () => useGaugesStore().clear(),
});
