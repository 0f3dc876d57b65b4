import { computed, reactive, watch, type Ref } from 'vue';
import { TOWNSHIP_NAMES } from '@shared/townships';
import { isApiError } from '../../shell/api/apiError';
import { useConnectionStore } from '../../shell/connectionStore';
import { useDispatchesStore } from '../dispatches/store';
import { useGaugesStore } from '../gauges/store';
import { useIncidentsStore } from '../incidents/store';
import { useSheltersStore } from '../shelters/store';
import { useSuppliesStore } from '../supplies/store';
import { useTeamsStore } from '../teams/store';
import { useVideoStore } from '../video/store';
import { useWarningsStore } from '../warnings/store';
import type { DeskItem, DeskState } from './deskState';

/** `loading`: the stores have not synced yet (or the item is being fetched); `missing`: nothing has that id. */
export type ItemStatus = 'none' | 'found' | 'loading' | 'missing';

/** Answers that mean the id names nothing this user can see (any other failure is retried on the next sync). */
const NOT_THERE = new Set(['NOT_FOUND', 'FORBIDDEN', 'VALIDATION_FAILED']);
/** The kinds the snapshot holds only recent ones of: an older one is fetched by id. */
const FETCHABLE = ['dispatch', 'incident', 'warning', 'alert'] as const;

/**
 * Whether the item, camera and depot a desk URL names exist. Teams, shelters, depots and cameras are all in the
 * stores once they are synced; the snapshot holds open incidents, recent dispatches, recent warnings and recent received alerts only, so an
 * older one is fetched by id.
 */
export function useDeskItem(desk: Ref<Pick<DeskState, 'item' | 'camera' | 'supplies'>>) {
  const item = computed(() => desk.value.item);
  const connection = useConnectionStore();
  const teams = useTeamsStore();
  const dispatches = useDispatchesStore();
  const incidents = useIncidentsStore();
  const shelters = useSheltersStore();
  const video = useVideoStore();
  const supplies = useSuppliesStore();
  const warnings = useWarningsStore();
  const gauges = useGaugesStore();
  const synced = computed(() => connection.lastSyncedAt !== null);
  /** Fetch outcomes by `kind:id`; absent: not asked yet. */
  const fetched = reactive(new Map<string, 'loading' | 'missing'>());

  function inStores(target: DeskItem): boolean {
    switch (target.kind) {
      case 'team':
        return teams.get(target.id) !== undefined;
      case 'dispatch':
        return dispatches.get(target.id) !== undefined;
      case 'incident':
        return incidents.get(target.id) !== undefined;
      case 'shelter':
        return shelters.get(target.id) !== undefined;
      case 'township':
        return TOWNSHIP_NAMES.includes(target.id);
      case 'warning':
        return warnings.get(target.id) !== undefined;
      case 'alert':
        return warnings.capById[target.id] !== undefined;
      case 'station':
        return gauges.get(target.id) !== undefined;
    }
  }

  type Fetchable = DeskItem & { kind: (typeof FETCHABLE)[number] };
  const fetchable = (target: DeskItem): target is Fetchable => (FETCHABLE as readonly string[]).includes(target.kind);
  const fetchers: Record<Fetchable['kind'], (id: string) => Promise<unknown>> = {
    incident: (id) => incidents.loadTimeline(id),
    dispatch: (id) => dispatches.loadTimeline(id),
    warning: (id) => warnings.fetchOne(id),
    alert: (id) => warnings.fetchAlert(id),
  };

  const status = computed<ItemStatus>(() => {
    const target = item.value;
    if (!target) return 'none';
    if (inStores(target)) return 'found';
    if (target.kind === 'township') return 'missing';
    if (!synced.value) return 'loading';
    // Stations come over HTTP after the sync: missing only once they have been loaded.
    if (target.kind === 'station') return gauges.loaded ? 'missing' : 'loading';
    return fetchable(target) ? (fetched.get(`${target.kind}:${target.id}`) ?? 'loading') : 'missing';
  });

  async function fetchOne(target: Fetchable): Promise<void> {
    const key = `${target.kind}:${target.id}`;
    fetched.set(key, 'loading');
    try {
      await fetchers[target.kind](target.id);
    } catch (e) {
      if (isApiError(e) && NOT_THERE.has(e.code)) return void fetched.set(key, 'missing');
      fetched.delete(key);
    }
  }

  watch(
    [item, () => connection.lastSyncedAt],
    () => {
      const target = item.value;
      if (!target || !synced.value || !fetchable(target) || inStores(target) || fetched.has(`${target.kind}:${target.id}`)) return;
      void fetchOne(target);
    },
    { immediate: true },
  );

  const cameraStatus = computed<ItemStatus>(() => {
    const id = desk.value.camera;
    if (!id) return 'none';
    if (video.get(id)) return 'found';
    return video.loaded ? 'missing' : 'loading';
  });

  /** The 物资 tab's depot filter. */
  const depotStatus = computed<ItemStatus>(() => {
    const id = desk.value.supplies.depot;
    if (!id) return 'none';
    if (supplies.depots.some((d) => d.id === id)) return 'found';
    return synced.value ? 'missing' : 'loading';
  });

  return { status, cameraStatus, depotStatus };
}
