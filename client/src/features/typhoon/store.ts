import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import type { Storm } from '@shared/schemas/typhoon';
import type { Exposure } from '@shared/schemas/typhoon-exposure';
import { syncedStore } from '../../shell/realtime/syncedStore';
import { typhoonApi } from './api';
import { focusStorm, newerStorm, orderStorms } from './stormOrder';

/** A storm's exposure as last fetched (at the server's "now"), refetched when the storm changes. */
export interface ExposureEntry {
  exposure: Exposure | null;
  loading: boolean;
  error: unknown;
  /** The storm version it was computed for. */
  version: string | null;
}

/**
 * The storms the board follows (not archived; archived ones are loaded on demand), the exposure of the
 * ones a screen shows, and the replay time the desk's slider sets for the map (null: live).
 */
export const useTyphoonStore = defineStore('typhoon', () => {
  const byId = ref<Record<string, Storm>>({});
  const archived = ref<Storm[]>([]);
  const exposures = ref<Record<string, ExposureEntry>>({});
  const replayAt = ref<number | null>(null);
  /** The storm the map's replay and the desk's table follow. */
  const selectedId = ref<string | null>(null);

  const list = computed(() => orderStorms(Object.values(byId.value).filter((s) => !s.archived)));
  const focus = computed(() => focusStorm(list.value));
  const selected = computed(() => (selectedId.value ? byId.value[selectedId.value] : undefined) ?? focus.value);
  const get = (id: string): Storm | undefined => byId.value[id];

  function put(storm: Storm): void {
    byId.value[storm.id] = newerStorm(byId.value[storm.id], storm);
    if (byId.value[storm.id]?.archived) {
      archived.value = [byId.value[storm.id] as Storm, ...archived.value.filter((s) => s.id !== storm.id)];
      delete byId.value[storm.id];
      delete exposures.value[storm.id];
      if (selectedId.value === storm.id) selectedId.value = null;
    } else if (exposures.value[storm.id]) void loadExposure(storm.id);
  }

  /** Fetches a storm's exposure now (kept fresh on later updates of the storm); a failure lands in `error`. */
  async function loadExposure(id: string): Promise<void> {
    exposures.value[id] ??= { exposure: null, loading: false, error: null, version: null };
    const entry = exposures.value[id];
    entry.loading = true;
    entry.error = null;
    const version = byId.value[id]?.updatedAt ?? null;
    try {
      const exposure = await typhoonApi.exposure(id);
      const current = exposures.value[id];
      if (current) Object.assign(current, { exposure, version });
    } catch (e) {
      entry.error = e;
    } finally {
      entry.loading = false;
    }
  }

  /** Keeps a storm's exposure live from now on, fetched unless it is held for the current version. */
  async function trackExposure(id: string): Promise<void> {
    const held = exposures.value[id];
    // One in flight was started by the update itself (see put): no second request for the same version.
    if (!held || held.error || (!held.loading && held.version !== (byId.value[id]?.updatedAt ?? null))) await loadExposure(id);
  }

  async function loadArchived(): Promise<void> {
    archived.value = (await typhoonApi.list(true)).filter((s) => s.archived);
  }

  async function archive(id: string): Promise<void> {
    put(await typhoonApi.archive(id));
  }

  function reset(storms: Storm[]): void {
    byId.value = Object.fromEntries(storms.map((s) => [s.id, s]));
    for (const id of Object.keys(exposures.value)) {
      if (byId.value[id]) void loadExposure(id);
      else delete exposures.value[id];
    }
  }

  function clear(): void {
    byId.value = {};
    archived.value = [];
    exposures.value = {};
    replayAt.value = null;
    selectedId.value = null;
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'typhoon.imported':
      case 'typhoon.updated':
      case 'typhoon.archived':
        put(event.payload.storm);
        break;
      case 'typhoon.signal_rules_changed':
        // The suggestion depends on the table: every exposure held is stale.
        for (const id of Object.keys(exposures.value)) void loadExposure(id);
        break;
      default:
        break;
    }
  }

  const exposureOf = (id: string): ExposureEntry | undefined => exposures.value[id];

  return { byId, list, archived, focus, selected, selectedId, replayAt, get, put, exposureOf, trackExposure, loadExposure, loadArchived, archive, reset, clear, applyEvent };
});

/** The events the typhoon store handles and its part of the synchronised state. */
export const typhoonSync = syncedStore({
  name: 'typhoon',
  events: ['typhoon.imported', 'typhoon.updated', 'typhoon.archived', 'typhoon.signal_rules_changed'],
  apply: (event) => useTyphoonStore().applyEvent(event),
  fromSnapshot: (snapshot) => useTyphoonStore().reset(snapshot.typhoons),
  clear: () => useTyphoonStore().clear(),
});
