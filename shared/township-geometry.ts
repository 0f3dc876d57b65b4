import type { Point } from './geo';

/** [lon, lat] pairs; the first ring of a polygon is its outline, the others its holes. */
type Ring = number[][];

/** The township outlines as GeoJSON: each feature a Polygon or MultiPolygon, named in `properties.name`. */
export interface TownshipFeatureCollection {
  features: ReadonlyArray<{ properties: { name: string }; geometry: unknown }>;
}

export interface TownshipCentre extends Point {
  name: string;
}

function polygonsOf(geometry: unknown): Ring[][] {
  const g = geometry as { type: string; coordinates: Ring[][] | Ring[] };
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
}

export function insideRing(point: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > point.lat !== yj > point.lat && point.lon < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The township containing a WGS84 point, or null at sea or outside the county. */
export function townshipContaining(collection: TownshipFeatureCollection, point: Point): string | null {
  for (const feature of collection.features) {
    for (const [outer, ...holes] of polygonsOf(feature.geometry)) {
      if (outer && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole))) return feature.properties.name;
    }
  }
  return null;
}

/** Area-weighted centroid and area of a ring (planar: fine at township scale). */
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
  let bestDistance = Infinity;
  for (let i = 1; i < STEPS; i++) {
    for (let j = 1; j < STEPS; j++) {
      const p = { lon: minLon + ((maxLon - minLon) * i) / STEPS, lat: minLat + ((maxLat - minLat) * j) / STEPS };
      const d = (p.lon - target.lon) ** 2 + (p.lat - target.lat) ** 2;
      if (d < bestDistance && insideRing(p, ring)) [best, bestDistance] = [p, d];
    }
  }
  return best;
}

/**
 * A point inside each township to send a team to when the desk picks a township rather than a spot:
 * the centroid of its largest polygon (the main body, not an islet).
 */
export function townshipCentres(collection: TownshipFeatureCollection): TownshipCentre[] {
  return collection.features.map((feature) => {
    let best = { area: -1, point: { lat: 0, lon: 0 } as Point, ring: [] as Ring };
    for (const [outer] of polygonsOf(feature.geometry)) {
      if (!outer) continue;
      const c = ringCentroid(outer);
      if (c.area > best.area) best = { ...c, ring: outer };
    }
    const point = insideRing(best.point, best.ring) ? best.point : nearestInside(best.ring, best.point);
    return { name: feature.properties.name, lat: Number(point.lat.toFixed(5)), lon: Number(point.lon.toFixed(5)) };
  });
}
