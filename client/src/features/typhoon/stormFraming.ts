import type { TileBounds } from '@shared/tiles';
import type { StormScene } from './typhoonScene';

/** What a map frames: an area in degrees, and whether a storm is in it (beside the county). */
export interface MapFrame {
  bounds: TileBounds;
  withStorm: boolean;
}

/** Room around the union of county and storm, as a share of its span on each side. */
const MARGIN = 0.06;

const inside = (b: TileBounds, [lon, lat]: readonly number[]) => lon! >= b.west && lon! <= b.east && lat! >= b.south && lat! <= b.north;

/**
 * The frame of a map that follows the storm (the wall): the county alone, unless a live storm's centre is out
 * at sea beyond the county's frame; then the county and the storm together (its centre and 7-level circle),
 * so the commander sees both. A historical storm (a replay, a demo) or none brings the county framing back.
 */
export function stormFrame(county: TileBounds, storm: StormScene | null): MapFrame {
  const centre = storm && !storm.historical ? storm.centre : null;
  if (!centre || inside(county, centre.lonLat)) return { bounds: county, withStorm: false };
  const points = [centre.lonLat, ...(storm?.circles.level7 ?? [])];
  const b = { ...county };
  for (const [lon, lat] of points) {
    b.west = Math.min(b.west, lon!);
    b.east = Math.max(b.east, lon!);
    b.south = Math.min(b.south, lat!);
    b.north = Math.max(b.north, lat!);
  }
  const dx = (b.east - b.west) * MARGIN;
  const dy = (b.north - b.south) * MARGIN;
  return { bounds: { west: b.west - dx, east: b.east + dx, south: Math.max(-85, b.south - dy), north: Math.min(85, b.north + dy) }, withStorm: true };
}

/** A frame as a key, to tell when it changed. */
export const frameKey = (f: MapFrame) => [f.bounds.west, f.bounds.north, f.bounds.east, f.bounds.south].map((n) => n.toFixed(4)).join(',');
