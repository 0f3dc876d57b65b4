import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import type { Dispatch, DispatchCancel, DispatchCreate, DispatchOnBehalf, DispatchReassign } from '@shared/schemas/dispatch';
import type { DomainEvent } from '@shared/schemas/event';
import { dispatchesApi } from './api';
import {
  applyDispatchEvent,
  emptyState,
  FEED_LIMIT,
  mergeFeedSteps,
  mapTargets,
  mergeTimeline,
  resetState,
  upsertDispatch,
  type DispatchState,
  type FeedEntry,
} from './dispatchModel';
import { syncedStore } from '../../shell/realtime/syncedStore';

type StepListener = (entry: FeedEntry) => void;

/** Dispatches as this viewer may see them (the board: all; a tablet: its team's), their queues and live steps. */
export const useDispatchesStore = defineStore('dispatches', () => {
  const state = reactive<DispatchState>(emptyState());
  /** Counts snapshots taken: a screen showing the feed rebuilds it from the log after each. */
  const resets = ref(0);
  const listeners = new Set<StepListener>();

  const list = computed(() => Object.values(state.byId).sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
  const feed = computed(() => state.feed);
  const targets = computed(() => mapTargets(Object.values(state.byId)));

  const get = (id: string): Dispatch | undefined => state.byId[id];
  const queueOf = (teamId: string): readonly string[] => state.queues[teamId] ?? [];
  const timelineOf = (id: string) => state.timelines[id];

  function reset(dispatches: Dispatch[]): void {
    resetState(state, dispatches);
    resets.value += 1;
  }

  async function loadFeed(): Promise<void> {
    mergeFeedSteps(state, await dispatchesApi.feed(FEED_LIMIT));
  }

  function applyEvent(event: DomainEvent): void {
    if (event.type !== 'dispatch.assigned' && event.type !== 'dispatch.stepped') return;
    const entry = applyDispatchEvent(state, event);
    if (entry) for (const listener of listeners) listener(entry);
  }

  /** A tablet's re-push after connecting (current first); it may be older than events already applied. */
  function mergePending(dispatches: Dispatch[]): void {
    for (const d of dispatches) upsertDispatch(state, d, false);
  }

  /** Merges an HTTP or socket answer (the events follow and are authoritative). */
  function merge(dispatch: Dispatch): void {
    upsertDispatch(state, dispatch, false);
  }

  /** Live steps (not snapshot contents); returns the unsubscribe function. */
  function onStep(listener: StepListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  async function loadTimeline(id: string): Promise<void> {
    // Collect live steps while the request is out, so none falls between the answer and the events.
    state.timelines[id] ??= [];
    const detail = await dispatchesApi.detail(id);
    merge(detail.dispatch);
    state.timelines[id] = mergeTimeline(detail.timeline, state.timelines[id]);
  }

  async function create(input: DispatchCreate): Promise<Dispatch> {
    const dispatch = await dispatchesApi.create(input);
    merge(dispatch);
    return dispatch;
  }

  async function cancel(id: string, input: DispatchCancel): Promise<Dispatch> {
    const dispatch = await dispatchesApi.cancel(id, input);
    merge(dispatch);
    return dispatch;
  }

  async function reassign(id: string, input: DispatchReassign): Promise<Dispatch> {
    const { cancelled, created } = await dispatchesApi.reassign(id, input);
    merge(cancelled);
    merge(created);
    return created;
  }

  async function recordOnBehalf(id: string, input: DispatchOnBehalf): Promise<Dispatch> {
    const dispatch = await dispatchesApi.recordOnBehalf(id, input);
    merge(dispatch);
    return dispatch;
  }

  const suggestions = (lat: number, lon: number, limit?: number) => dispatchesApi.suggestions(lat, lon, limit);
  /** The desk has dealt with a team's SOS: its alarm clears (the event removes it from the list). */
  const resolveSos = (teamId: string) => dispatchesApi.resolveSos(teamId);

  return { state, resets, list, feed, targets, loadFeed, get, queueOf, timelineOf, reset, applyEvent, mergePending, merge, onStep, loadTimeline, create, cancel, reassign, recordOnBehalf, suggestions, resolveSos };
});

/** The events the dispatches store handles and its part of the synchronised state. */
export const dispatchesSync = syncedStore({
  name: 'dispatches',
  events: ['dispatch.assigned', 'dispatch.stepped'],
  apply: (event) => useDispatchesStore().applyEvent(event),
  fromSnapshot: (snapshot) => useDispatchesStore().reset(snapshot.dispatches),
  clear: () => useDispatchesStore().reset([]),
});
