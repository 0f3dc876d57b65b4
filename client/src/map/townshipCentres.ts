import type { Point } from '@shared/geo';
import { loadTownships } from './townships';

type Ring = number[][];

/** Area-weighted centroid and area of a ring ([lon, lat] pairs, planar: fine at township scale). */
function ringCentroid(ring: Ring): { area: number; point: Point } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0 = 0, y0 = 0] = ring[j] ?? [];
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (area === 0) return { area: 0, point: { lon: ring[0]?.[0] ?? 0, lat: ring[0]?.[1] ?? 0 } };
  return { area: Math.abs(area / 2), point: { lon: cx / (3 * area), lat: cy / (3 * area) } };
}

/** A concave township's centroid can fall outside it (Shipu wraps around a bay): take the nearest inside grid point. */
function nearestInside(ring: Ring, target: Point): Point {
  const lons = ring.map((p) => p[0] ?? 0);
  const lats = ring.map((p) => p[1] ?? 0);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const STEPS = 40;
  let best: Point = target;
  let bestD = Infinity;
  for (let i = 1; i < STEPS; i++) {
    for (let j = 1; j < STEPS; j++) {
      const p = { lon: minLon + ((maxLon - minLon) * i) / STEPS, lat: minLat + ((maxLat - minLat) * j) / STEPS };
      const d = (p.lon - target.lon) ** 2 + (p.lat - target.lat) ** 2;
      if (d < bestD && insideRing(p, ring)) [best, bestD] = [p, d];
    }
  }
  return best;
}

export interface TownshipCentre extends Point {
  name: string;
}

/**
 * A point for each township to send a team to when the desk picks a township rather than a spot:
 * the centroid of its largest polygon (the main body, not an islet).
 */
export async function loadTownshipCentres(): Promise<TownshipCentre[]> {
  const geo = await loadTownships();
  return geo.features.map((f) => {
    const geometry = f.geometry as { type: string; coordinates: Ring[][] | Ring[] };
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
    let best = { area: -1, point: { lat: 0, lon: 0 } as Point, ring: [] as Ring };
    for (const polygon of polygons) {
      const outer = polygon[0];
      if (!outer) continue;
      const c = ringCentroid(outer);
      if (c.area > best.area) best = { ...c, ring: outer };
    }
    const point = insideRing(best.point, best.ring) ? best.point : nearestInside(best.ring, best.point);
    return { name: f.properties.name, lat: Number(point.lat.toFixed(5)), lon: Number(point.lon.toFixed(5)) };
  });
}

function insideRing(point: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > point.lat !== yj > point.lat && point.lon < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The township containing a point, from the outlines the map already loaded; null at sea. */
export async function townshipNameAt(point: Point): Promise<string | null> {
  const geo = await loadTownships();
  for (const f of geo.features) {
    const geometry = f.geometry as { type: string; coordinates: Ring[][] | Ring[] };
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
    for (const [outer, ...holes] of polygons) {
      if (outer && insideRing(point, outer) && !holes.some((h) => insideRing(point, h))) return f.properties.name;
    }
  }
  return null;
}
