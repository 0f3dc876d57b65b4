import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { DomainEvent } from '@shared/schemas/event';
import { DEFAULT_WALL_LAYOUT, type WallLayout } from '@shared/schemas/wall';
import { wallLayoutApi } from './api';
import { syncedStore } from '../../shell/realtime/syncedStore';

/** Layers missing from a layout written before they existed (an older event replayed) are on, as on the server. */
const copy = (layout: WallLayout): WallLayout => ({
  layers: { ...DEFAULT_WALL_LAYOUT.layers, ...layout.layers },
  trailMinutes: layout.trailMinutes,
  ...(layout.video ? { video: { ...layout.video, cameraIds: [...layout.video.cameraIds] } } : {}),
  ...(layout.basemap ? { basemap: layout.basemap } : {}),
});

export const useWallLayoutStore = defineStore('wallLayout', () => {
  const layout = ref<WallLayout>(copy(DEFAULT_WALL_LAYOUT));

  function reset(next: WallLayout): void {
    layout.value = copy(next);
  }

  function applyEvent(event: DomainEvent): void {
    if (event.type === 'wall.layout_changed') reset(event.payload.layout);
  }

  async function save(next: WallLayout): Promise<WallLayout> {
    const saved = await wallLayoutApi.put(copy(next));
    reset(saved);
    return saved;
  }

  return { layout, reset, applyEvent, save };
});

/** The events the wallLayout store handles and its part of the synchronised state. */
export const wallLayoutSync = syncedStore({
  name: 'wallLayout',
  events: ['wall.layout_changed'],
  apply: (event) => useWallLayoutStore().applyEvent(event),
  fromSnapshot: (snapshot) => useWallLayoutStore().reset(snapshot.wallLayout),
  clear: () => useWallLayoutStore().reset(DEFAULT_WALL_LAYOUT),
});
