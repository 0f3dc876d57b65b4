import type { DomainEvent, EventType } from '@shared/schemas/event';
import { SYNCED_STORES } from './eventRegistry';
import type { EventRouterHooks, SyncedStore } from './syncedStore';
import type { SyncSink } from './syncSession';
import { usePositionsStore } from '../../features/positions/store';

export type { EventRouterHooks } from './syncedStore';

const storesByEvent = new Map<EventType, SyncedStore[]>();
const stores: readonly SyncedStore[] = SYNCED_STORES;
for (const store of stores) {
  for (const type of store.events) storesByEvent.set(type, [...(storesByEvent.get(type) ?? []), store]);
}

/** Routes synchronised state into the stores that declared it; the only writer of server state. */
export function createEventRouter(hooks: EventRouterHooks = {}): SyncSink {
  return {
    reset(snapshot, fixes) {
      for (const store of SYNCED_STORES) store.fromSnapshot(snapshot, fixes, hooks);
    },
    apply(event: DomainEvent) {
      // An event type this build does not know (a newer server) has no store and is skipped.
      for (const store of storesByEvent.get(event.type) ?? []) store.apply(event, hooks);
    },
    positions(fixes) {
      usePositionsStore().applyBatch(fixes);
    },
  };
}

/** After logout, nothing of the previous session may remain visible to the next user. */
export function clearSyncedStores(): void {
  for (const store of SYNCED_STORES) store.clear();
}
