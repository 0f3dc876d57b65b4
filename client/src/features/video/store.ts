import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { keepKnownSecrets, type Camera, type CameraCreate, type CameraStatus, type CameraUpdate } from '@shared/schemas/camera';
import type { DomainEvent } from '@shared/schemas/event';
import type { PushOf } from '@shared/socket';
import { camerasApi } from './api';
import { syncedStore } from '../../shell/realtime/syncedStore';

type ConsumerClosed = PushOf<'video:consumer_closed'>;
type ConsumerClosedListener = (push: ConsumerClosed) => void;

const offline = (cameraId: string): CameraStatus => ({ cameraId, state: 'offline', reason: null, codec: null, since: new Date(0).toISOString() });

/**
 * The camera registry as the board sees it, with each camera's live state. Cameras come from
 * GET /api/cameras (again after every reconnect) and `camera.*` events; states from `video:camera_status`.
 */
export const useVideoStore = defineStore('video', () => {
  const byId = ref<Record<string, Camera>>({});
  const statuses = ref<Record<string, CameraStatus>>({});
  /** False until the first list arrived: a tile then cannot tell a removed camera from one not loaded yet. */
  const loaded = ref(false);
  const closedListeners = new Set<ConsumerClosedListener>();

  const list = computed(() => Object.values(byId.value).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')));
  const get = (id: string): Camera | undefined => byId.value[id];
  const statusOf = (id: string): CameraStatus => statuses.value[id] ?? offline(id);

  function put(camera: Camera): void {
    const current = byId.value[camera.id];
    if (!current || current.updatedAt <= camera.updatedAt) byId.value[camera.id] = keepKnownSecrets(current, camera);
  }

  /** States arrive by push and in lists fetched meanwhile: the newest wins. */
  function applyStatus(status: CameraStatus): void {
    const current = statuses.value[status.cameraId];
    if (!current || current.since <= status.since) statuses.value[status.cameraId] = status;
  }

  function applyEvent(event: DomainEvent): void {
    switch (event.type) {
      case 'camera.registered':
      case 'camera.updated':
        put(event.payload.camera);
        break;
      case 'camera.removed':
        delete byId.value[event.payload.cameraId];
        delete statuses.value[event.payload.cameraId];
        break;
      default:
        break;
    }
  }

  async function load(): Promise<void> {
    const cameras = await camerasApi.list();
    byId.value = Object.fromEntries(cameras.map(({ status: _status, ...camera }) => [camera.id, camera]));
    const known = new Set(cameras.map((c) => c.id));
    for (const id of Object.keys(statuses.value)) if (!known.has(id)) delete statuses.value[id];
    for (const camera of cameras) applyStatus(camera.status);
    loaded.value = true;
  }

  function reset(): void {
    byId.value = {};
    statuses.value = {};
    loaded.value = false;
  }

  /** The relay closed one of this page's consumers (its source went away). */
  function noteConsumerClosed(push: ConsumerClosed): void {
    for (const listener of closedListeners) listener(push);
  }

  function onConsumerClosed(listener: ConsumerClosedListener): () => void {
    closedListeners.add(listener);
    return () => closedListeners.delete(listener);
  }

  async function create(input: CameraCreate): Promise<Camera> {
    const camera = await camerasApi.create(input);
    put(camera);
    return camera;
  }

  async function update(id: string, patch: CameraUpdate): Promise<Camera> {
    const camera = await camerasApi.update(id, patch);
    put(camera);
    return camera;
  }

  async function remove(id: string): Promise<void> {
    await camerasApi.remove(id);
    delete byId.value[id];
    delete statuses.value[id];
  }

  return { byId, statuses, loaded, list, get, statusOf, applyStatus, applyEvent, load, reset, noteConsumerClosed, onConsumerClosed, create, update, remove };
});

/** The events the video store handles and its part of the synchronised state. */
export const videoSync = syncedStore({
  name: 'video',
  events: ['camera.registered', 'camera.updated', 'camera.removed'],
  apply: (event) => useVideoStore().applyEvent(event),
  fromSnapshot: () => {
    // Cameras are not in the snapshot: the list is fetched once synced.
  },
  clear: () => useVideoStore().reset(),
});
