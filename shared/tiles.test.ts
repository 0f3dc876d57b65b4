import { describe, expect, it } from 'vitest';
import { isTileAddress, latOfMercatorY, mercatorY, tileBounds, tilesCovering, tileUrl, tileXOf, tileYOf, tileZoomFor, tmsRow } from './tiles';

describe('Web Mercator tile maths', () => {
  it('puts Xiangshan (121.87°E, 29.47°N) in the tile OpenStreetMap and 天地图 number 3434/1696 at zoom 12', () => {
    expect(Math.floor(tileXOf(121.87, 12))).toBe(3434);
    expect(Math.floor(tileYOf(29.47, 12))).toBe(1696);
  });

  it('gives each tile the corners that map back to it', () => {
    const b = tileBounds(12, 3434, 1696);
    expect(tileXOf(b.west, 12)).toBeCloseTo(3434, 9);
    expect(tileXOf(b.east, 12)).toBeCloseTo(3435, 9);
    expect(tileYOf(b.north, 12)).toBeCloseTo(1696, 9);
    expect(tileYOf(b.south, 12)).toBeCloseTo(1697, 9);
    expect(b.north).toBeGreaterThan(29.47);
    expect(b.south).toBeLessThan(29.47);
  });

  it('covers the whole world with tile 0/0/0, from 85.05°S to 85.05°N', () => {
    expect(tileBounds(0, 0, 0)).toEqual({ west: -180, east: 180, north: expect.closeTo(85.0511, 4), south: expect.closeTo(-85.0511, 4) });
  });

  it('projects and unprojects latitude symmetrically', () => {
    for (const lat of [-60, 0, 29.47, 45, 80]) expect(latOfMercatorY(mercatorY(lat))).toBeCloseTo(lat, 10);
    expect(mercatorY(0)).toBeCloseTo(0, 12);
  });
});

describe("MBTiles' row flip (TMS)", () => {
  it('counts rows from the south, and flipping twice gives the row back', () => {
    expect(tmsRow(0, 0)).toBe(0);
    expect(tmsRow(3, 3)).toBe(4);
    expect(tmsRow(12, 1696)).toBe(2399);
    expect(tmsRow(12, tmsRow(12, 1696))).toBe(1696);
  });

  it('fills {-y} with the TMS row and {y} with the XYZ row', () => {
    expect(tileUrl('/t/{z}/{x}/{y}.png', { z: 3, x: 6, y: 3 })).toBe('/t/3/6/3.png');
    expect(tileUrl('/t/{z}/{x}/{-y}.png', { z: 3, x: 6, y: 3 })).toBe('/t/3/6/4.png');
  });
});

describe('which tiles a view needs', () => {
  it('picks the tile zoom whose pixels match the screen', () => {
    // One degree over 256·2^z/360 pixels is zoom z exactly.
    expect(tileZoomFor((256 * 2 ** 12) / 360, { min: 0, max: 18 })).toBe(12);
    expect(tileZoomFor((256 * 2 ** 12) / 360 / 1.3, { min: 0, max: 18 })).toBe(12);
    expect(tileZoomFor((256 * 2 ** 12) / 360 / 1.5, { min: 0, max: 18 })).toBe(11);
    // Past the basemap's deepest zoom its tiles are stretched, not asked for.
    expect(tileZoomFor(1e7, { min: 0, max: 18 })).toBe(18);
    expect(tileZoomFor(0.01, { min: 3, max: 18 })).toBe(3);
  });

  it('fetches only the tiles of the view, nearest the centre first', () => {
    const view = { ...tileBounds(12, 3434, 1696), east: tileBounds(12, 3436, 1696).east, south: tileBounds(12, 3434, 1697).south };
    const tiles = tilesCovering(view, 12)!;
    expect(tiles).toHaveLength(6);
    expect(new Set(tiles.map((t) => `${t.x}/${t.y}`))).toEqual(new Set(['3434/1696', '3435/1696', '3436/1696', '3434/1697', '3435/1697', '3436/1697']));
    expect(tiles[0]!.x).toBe(3435);
  });

  it('refuses a view that would need more tiles than the limit, and stays inside the world', () => {
    expect(tilesCovering({ west: 100, east: 140, north: 45, south: 10 }, 12, 256)).toBeNull();
    expect(tilesCovering({ west: -200, east: 200, north: 89, south: -89 }, 1)).toHaveLength(4);
  });

  it('knows which addresses exist', () => {
    expect(isTileAddress(3, 7, 7)).toBe(true);
    expect(isTileAddress(3, 8, 0)).toBe(false);
    expect(isTileAddress(-1, 0, 0)).toBe(false);
    expect(isTileAddress(23, 0, 0)).toBe(false);
    expect(isTileAddress(2, 1.5, 0)).toBe(false);
  });
});
