import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_VIDEO } from '@shared/schemas/wall';
import { gridColumns, gridSlots, togglePicked } from './wallGrid';

describe('wall video grid', () => {
  it('lays 1, 4, 9 and 16 tiles out as square grids, and none when off', () => {
    expect([0, 1, 4, 9, 16].map((n) => gridColumns(n as 0 | 1 | 4 | 9 | 16))).toEqual([0, 1, 2, 3, 4]);
    expect(gridSlots(DEFAULT_WALL_VIDEO)).toEqual([]);
  });

  it('fills tiles with the picked cameras in order, each once, and leaves the rest empty', () => {
    const slots = gridSlots({ grid: 4, cameraIds: ['a', 'b', 'a'], cameraLayer: true });
    expect(slots.map((s) => s.cameraId)).toEqual(['a', 'b', null, null]);
    expect(new Set(slots.map((s) => s.key)).size).toBe(4);
  });

  it('shows only as many cameras as the grid has tiles, keeping a camera’s tile key when the grid changes', () => {
    const video = { grid: 1 as const, cameraIds: ['a', 'b'], cameraLayer: true };
    expect(gridSlots(video).map((s) => s.cameraId)).toEqual(['a']);
    expect(gridSlots({ ...video, grid: 9 })[0]!.key).toBe(gridSlots(video)[0]!.key);
  });

  it('adds a picked camera last, takes it out when picked again, and stops at 16', () => {
    expect(togglePicked(['a'], 'b')).toEqual(['a', 'b']);
    expect(togglePicked(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
    const full = Array.from({ length: 16 }, (_, i) => `c${i}`);
    expect(togglePicked(full, 'extra')).toEqual(full);
  });
});
