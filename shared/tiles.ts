/**
 * Web Mercator (EPSG:3857) tile maths for XYZ basemaps: the scheme of OSM, 天地图's `_w` layers and most GIS
 * tile services, tile (0, 0) at the north-west corner. MBTiles count rows from the south (TMS): see tmsRow.
 */

/** Web Mercator stops here: the world is a square. */
export const MAX_MERCATOR_LAT = 85.0511287798066;
export const TILE_SIZE = 256;
/** Deeper than any basemap serves (≈ 0.3 m per pixel at Xiangshan's latitude at 19). */
export const MAX_TILE_ZOOM = 22;

const RAD = Math.PI / 180;
const clampLat = (lat: number) => Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));

/** Northing in degrees-of-longitude units: x = lon and y = mercatorY(lat) keep the map conformal. */
export const mercatorY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (clampLat(lat) * RAD) / 2)) / RAD;
export const latOfMercatorY = (y: number): number => (2 * Math.atan(Math.exp(y * RAD)) - Math.PI / 2) / RAD;

/** Fractional tile column and row of a point at zoom z. */
export function tileXOf(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}
export function tileYOf(lat: number, z: number): number {
  return ((180 - mercatorY(lat)) / 360) * 2 ** z;
}

export interface TileBounds {
  west: number;
  east: number;
  north: number;
  south: number;
}

/** The corners of tile (z, x, y) in degrees. */
export function tileBounds(z: number, x: number, y: number): TileBounds {
  const n = 2 ** z;
  return {
    west: (x / n) * 360 - 180,
    east: ((x + 1) / n) * 360 - 180,
    north: latOfMercatorY(180 - (y / n) * 360),
    south: latOfMercatorY(180 - ((y + 1) / n) * 360),
  };
}

/** MBTiles (TMS) number rows from the south: row 0 is the southernmost. The flip is its own inverse. */
export const tmsRow = (z: number, y: number): number => 2 ** z - 1 - y;

export const isTileAddress = (z: number, x: number, y: number): boolean =>
  [z, x, y].every(Number.isInteger) && z >= 0 && z <= MAX_TILE_ZOOM && x >= 0 && y >= 0 && x < 2 ** z && y < 2 ** z;

/** The tile zoom whose pixels match the screen's when one degree of longitude spans `pixelsPerDegree`. */
export function tileZoomFor(pixelsPerDegree: number, limits: { min: number; max: number }): number {
  const exact = Math.log2((pixelsPerDegree * 360) / TILE_SIZE);
  return Math.max(limits.min, Math.min(limits.max, Math.round(exact)));
}

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** The tiles covering a view at zoom z, nearest the centre first; null when there would be more than `limit`. */
export function tilesCovering(view: TileBounds, z: number, limit = 256): TileAddress[] | null {
  const n = 2 ** z;
  const clamp = (v: number) => Math.max(0, Math.min(n - 1, Math.floor(v)));
  const x0 = clamp(tileXOf(Math.max(-180, view.west), z));
  // A view ending exactly on a tile edge does not need the tile beyond it.
  const x1 = clamp(tileXOf(Math.min(180, view.east), z) - 1e-6);
  const y0 = clamp(tileYOf(view.north, z));
  const y1 = clamp(tileYOf(view.south, z) - 1e-6);
  if ((x1 - x0 + 1) * (y1 - y0 + 1) > limit) return null;
  const tiles: TileAddress[] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) tiles.push({ z, x, y });
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return tiles.sort((a, b) => Math.hypot(a.x - cx, a.y - cy) - Math.hypot(b.x - cx, b.y - cy));
}

/** A URL template's tile: {z} {x} {y} (and {-y} for a TMS row) filled in. */
export const tileUrl = (template: string, t: TileAddress): string =>
  template.replaceAll('{z}', String(t.z)).replaceAll('{x}', String(t.x)).replaceAll('{-y}', String(tmsRow(t.z, t.y))).replaceAll('{y}', String(t.y));
