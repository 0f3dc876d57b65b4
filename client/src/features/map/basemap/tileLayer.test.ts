import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from '@shared/gcj02';
import { tileBounds } from '@shared/tiles';
import { tilePlacement } from './tileLayer';

describe('where a basemap tile is drawn', () => {
  const tile = { z: 14, x: 13739, y: 6788 };

  it('draws WGS84 (and 天地图 CGCS2000) tiles where they are', () => {
    expect(tilePlacement({ crs: 'wgs84' }, tile)).toEqual(tileBounds(14, 13739, 6788));
  });

  it('moves a GCJ-02 tile back by the offset, so its roads meet WGS84 positions', () => {
    const raw = tileBounds(14, 13739, 6788);
    const placed = tilePlacement({ crs: 'gcj02' }, tile);
    // Around Xiangshan the GCJ-02 offset is roughly +0.004° east and −0.0027° north: the tile moves back west and north.
    expect(raw.west - placed.west).toBeGreaterThan(0.003);
    expect(placed.north - raw.north).toBeGreaterThan(0.002);
    expect([placed.west, placed.north]).toEqual(gcj02ToWgs84([raw.west, raw.north]));
  });
});
