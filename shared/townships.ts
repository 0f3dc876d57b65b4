import type { Point } from './geo';
import geojson from './geo-data/xiangshan_townships_wgs84.json';

type Ring = number[][];
interface TownshipFeature {
  properties: { name: string };
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const features = (geojson as unknown as { features: TownshipFeature[] }).features;

/** The 18 township names of Xiangshan County, as in the geodata. */
export const TOWNSHIP_NAMES: readonly string[] = features.map((f) => f.properties.name);

function insideRing(point: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > point.lat !== yj > point.lat && point.lon < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The township containing a WGS84 point, or null at sea or outside the county. */
export function townshipAt(point: Point): string | null {
  for (const feature of features) {
    for (const polygon of feature.geometry.coordinates) {
      const [outer, ...holes] = polygon;
      if (outer && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole))) return feature.properties.name;
    }
  }
  return null;
}
