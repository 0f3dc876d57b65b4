/** A tile read from disk: its bytes and the media type to answer with. */
export interface Tile {
  data: Buffer;
  contentType: string;
}

/** Tiles this server reads itself (a folder, an MBTiles or a PMTiles file), addressed XYZ (row 0 in the north). */
export interface TileStore {
  /** Zoom levels it holds and its attribution, for the client's basemap list. */
  describe(): { minZoom: number; maxZoom: number; attribution: string };
  /** The tile, or null when the set has none there. */
  read(z: number, x: number, y: number): Promise<Tile | null>;
  close(): void;
}

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif' };
export const contentTypeOf = (format: string): string | null => TYPES[format.toLowerCase()] ?? null;
export const RASTER_FORMATS = Object.keys(TYPES);
