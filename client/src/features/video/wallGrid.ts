import type { WallVideo, WallVideoGrid } from '@shared/schemas/wall';

export interface GridSlot {
  /** Stable per camera, so a tile keeps its consumer when the grid grows or shrinks around it. */
  key: string;
  cameraId: string | null;
}

/** Columns of a square grid: 1, 2, 3 or 4 (0 when video is off). */
export const gridColumns = (grid: WallVideoGrid): number => Math.round(Math.sqrt(grid));

/** The wall's tiles: the picked cameras in order (each once), then empty tiles up to the grid size. */
export function gridSlots(video: WallVideo): GridSlot[] {
  const ids = [...new Set(video.cameraIds)].slice(0, video.grid);
  return Array.from({ length: video.grid }, (_, i) => {
    const cameraId = ids[i] ?? null;
    return { key: cameraId ?? `empty-${i}`, cameraId };
  });
}

export const MAX_PICKED_CAMERAS = 16;

/** Picking a camera adds it after the others; picking it again takes it out. */
export function togglePicked(cameraIds: readonly string[], cameraId: string): string[] {
  if (cameraIds.includes(cameraId)) return cameraIds.filter((id) => id !== cameraId);
  return cameraIds.length >= MAX_PICKED_CAMERAS ? [...cameraIds] : [...cameraIds, cameraId];
}
