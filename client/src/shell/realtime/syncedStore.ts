import type { DomainEvent, DomainEventOf, EventType } from '@shared/schemas/event';
import type { LatestPosition } from '@shared/schemas/position';
import type { Snapshot } from '@shared/schemas/sync';

export interface EventRouterHooks {
  /** A layout change may widen the trail window, which needs a trail reload. */
  onTrailWindowGrew?: () => void;
}

interface SyncedStoreParts {
  readonly name: string;
  fromSnapshot(snapshot: Snapshot, positions: LatestPosition[], hooks: EventRouterHooks): void;
  /** Nothing of the previous session may remain visible to the next user. */
  clear(): void;
}

/**
 * A store's contract with the synchronised state: the event types it handles, how it takes its part of a
 * snapshot, and how it empties on logout. The event router and the logout reset are built from these.
 */
export interface SyncedStore<E extends EventType = EventType> extends SyncedStoreParts {
  readonly events: readonly E[];
  /** Applies an event of one of `events`; any other is ignored. */
  apply(event: DomainEvent, hooks: EventRouterHooks): void;
}

export interface SyncedStoreSpec<E extends EventType> extends SyncedStoreParts {
  readonly events: readonly E[];
  apply(event: DomainEventOf<E>, hooks: EventRouterHooks): void;
}

/** Declares a synced store; `events` fixes which events its `apply` receives. */
export function syncedStore<const E extends EventType>(spec: SyncedStoreSpec<E>): SyncedStore<E> {
  const handled = new Set<EventType>(spec.events);
  const handles = (event: DomainEvent): event is DomainEventOf<E> => handled.has(event.type);
  return {
    name: spec.name,
    events: spec.events,
    apply: (event, hooks) => {
      if (handles(event)) spec.apply(event, hooks);
    },
    fromSnapshot: (snapshot, positions, hooks) => spec.fromSnapshot(snapshot, positions, hooks),
    clear: () => spec.clear(),
  };
}
