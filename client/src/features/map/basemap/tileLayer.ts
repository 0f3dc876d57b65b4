import type { CustomSeriesOption } from 'echarts/charts';
import type { Basemap } from '@shared/basemap';
import { gcj02ToWgs84 } from '@shared/gcj02';
import { tileBounds, tilesCovering, tileUrl, tileZoomFor, type TileAddress, type TileBounds } from '@shared/tiles';
import { MAP_Z } from '../markerEmphasis';

export type TileLayerState = 'off' | 'loading' | 'ok' | 'failed';

/** A tile ready to draw: its image and where its corners are in WGS84. */
interface DrawnTile {
  image: HTMLImageElement;
  bounds: TileBounds;
  layer: number;
}

/** While failed, the tiles are tried again this often (the server may come back). */
const RETRY_MS = 30_000;

/** Where a tile of this basemap lies in WGS84: a GCJ-02 tile's corners are shifted back (≈ 500 m around Xiangshan). */
export function tilePlacement(basemap: Pick<Basemap, 'crs'>, t: TileAddress): TileBounds {
  const b = tileBounds(t.z, t.x, t.y);
  if (basemap.crs === 'wgs84') return b;
  const [west, north] = gcj02ToWgs84([b.west, b.north]);
  const [east, south] = gcj02ToWgs84([b.east, b.south]);
  return { west, east, north, south };
}

export const EMPTY_TILE_SERIES: CustomSeriesOption = { id: 'basemap-tiles', type: 'custom', coordinateSystem: 'geo', silent: true, z: MAP_Z.basemap, data: [], renderItem: () => null };

/**
 * The basemap's tiles for the current view, drawn as a custom series of images placed with `api.coord`
 * (so roaming keeps them aligned). Only the visible tiles of the current zoom are fetched. When the tiles
 * of a view all fail, the layer reports `failed` and the map falls back to its outlines.
 */
export class TileLayer {
  private basemap: Basemap | null = null;
  private readonly images = new Map<string, HTMLImageElement | 'loading' | 'failed'>();
  private wanted: Array<{ url: string; tile: TileAddress; layer: number }> = [];
  private drawn: DrawnTile[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  state: TileLayerState = 'off';
  zoom: number | null = null;

  /** `changed(true)` when the state changed (the outlines redraw), `changed(false)` for new tiles alone. */
  constructor(private readonly changed: (stateChanged: boolean) => void) {}

  setBasemap(basemap: Basemap | null): void {
    if (basemap?.id === this.basemap?.id && JSON.stringify(basemap) === JSON.stringify(this.basemap)) return;
    this.basemap = basemap;
    this.images.clear();
    this.wanted = [];
    this.drawn = [];
    this.zoom = null;
    this.clearRetry();
    this.state = basemap ? 'loading' : 'off';
  }

  /** The view changed: fetch the tiles it needs at the zoom that matches the screen. */
  view(bounds: TileBounds, pixelsPerDegree: number): void {
    const basemap = this.basemap;
    if (!basemap) return;
    const z = tileZoomFor(pixelsPerDegree, { min: basemap.minZoom, max: basemap.maxZoom });
    const tiles = tilesCovering(basemap.crs === 'gcj02' ? widen(bounds, 0.01) : bounds, z) ?? [];
    this.zoom = z;
    this.wanted = basemap.layers.flatMap((template, layer) => tiles.map((tile) => ({ url: tileUrl(template, tile), tile, layer })));
    for (const w of this.wanted) if (!this.images.has(w.url)) this.load(w.url);
    this.refresh();
  }

  series(): CustomSeriesOption {
    if (!this.basemap || this.state === 'failed') return EMPTY_TILE_SERIES;
    const drawn = this.drawn;
    return {
      ...EMPTY_TILE_SERIES,
      data: drawn.map((d) => [d.bounds.west, d.bounds.north]),
      renderItem: (params, api) => {
        const d = drawn[params.dataIndex];
        if (!d) return null;
        const nw = api.coord([d.bounds.west, d.bounds.north]);
        const se = api.coord([d.bounds.east, d.bounds.south]);
        // Half a pixel of overlap hides the seams between neighbouring tiles.
        return { type: 'image', silent: true, z2: d.layer, style: { image: d.image, x: nw[0]! - 0.25, y: nw[1]! - 0.25, width: se[0]! - nw[0]! + 0.5, height: se[1]! - nw[1]! + 0.5 } };
      },
    };
  }

  tilesDrawn(): number {
    return this.state === 'failed' ? 0 : this.drawn.length;
  }

  dispose(): void {
    this.clearRetry();
    this.basemap = null;
    this.images.clear();
  }

  private load(url: string): void {
    const basemap = this.basemap;
    this.images.set(url, 'loading');
    const image = new Image();
    image.decoding = 'async';
    image.onload = () => {
      if (this.basemap !== basemap) return;
      this.images.set(url, image);
      this.refresh();
    };
    image.onerror = () => {
      if (this.basemap !== basemap) return;
      this.images.set(url, 'failed');
      this.refresh();
    };
    image.src = url;
  }

  private refresh(): void {
    const before = this.state;
    let loaded = 0;
    let failed = 0;
    const drawn: DrawnTile[] = [];
    for (const w of this.wanted) {
      const image = this.images.get(w.url);
      if (image === 'failed') failed++;
      else if (image && image !== 'loading') {
        loaded++;
        drawn.push({ image, bounds: tilePlacement(this.basemap!, w.tile), layer: w.layer });
      }
    }
    const settled = loaded + failed === this.wanted.length;
    if (failed > 0 && loaded === 0 && settled) this.state = 'failed';
    else if (loaded > 0) this.state = 'ok';
    if (this.state === 'failed') this.scheduleRetry();
    else this.clearRetry();
    this.drawn = drawn;
    if (this.state !== before || this.state !== 'failed') this.changed(this.state !== before);
  }

  private scheduleRetry(): void {
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = null;
      for (const [url, image] of this.images) if (image === 'failed') this.images.delete(url);
      for (const w of this.wanted) if (!this.images.has(w.url)) this.load(w.url);
    }, RETRY_MS);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

const widen = (b: TileBounds, by: number): TileBounds => ({ west: b.west - by, east: b.east + by, north: b.north + by, south: b.south - by });
