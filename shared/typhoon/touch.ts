import { booleanIntersects } from '@turf/boolean-intersects';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point, polygon } from '@turf/helpers';
import type { QuadrantRadii } from '../schemas/typhoon';
import { maxRadius, quadrantOf, windCircleRing } from './circles';
import { distanceBearingArrival, type LatLon } from './geodesy';
import type { TownshipTarget } from './township-targets';

const RAD = Math.PI / 180;

/** The anchor (county seat) seen from a storm centre: geodesic distance, bearing, and the geodesic's direction on arrival. */
export interface Sighting {
  km: number;
  bearing: number;
  /** Unit vector (east, north) of the geodesic's direction at the anchor, pointing away from the centre. */
  ux: number;
  uy: number;
}

export function sight(centre: LatLon, anchor: LatLon): Sighting {
  const { km, bearing, arrival } = distanceBearingArrival(centre, anchor);
  return { km, bearing, ux: Math.sin(arrival * RAD), uy: Math.cos(arrival * RAD) };
}

/**
 * Distance and bearing from the centre of a point given by its offset (east, north km) from the anchor: the
 * geodesic to the anchor continued by the offset in the plane tangent at the anchor. Within the county
 * (offsets under ~60 km) this agrees with a direct geodesic to well under half a kilometre.
 */
export function locate(seen: Sighting, east: number, north: number): { km: number; bearing: number } {
  const along = seen.km + east * seen.ux + north * seen.uy;
  const across = east * seen.uy - north * seen.ux;
  return { km: Math.hypot(along, across), bearing: seen.bearing + Math.atan2(across, along) / RAD };
}

/**
 * Whether a quadrant wind circle touches a township's outline. Cheap answers first: too far for the widest
 * quadrant (no), the township's point inside its own quadrant's radius (yes), the centre on the township
 * (yes). Otherwise each outline vertex is placed from the centre (`locate`) and tested against its quadrant's
 * radius. Exact to the outline's vertex spacing; the same answers as intersecting the geodesic circle polygon
 * with the outline in Turf (`touchesByPolygon`, checked in touch.test.ts), which is some hundred times slower
 * than the 50 ms exposure budget allows.
 */
export function touches(centre: LatLon, radii: QuadrantRadii | null, target: TownshipTarget, seen: Sighting): boolean {
  if (!radii) return false;
  const widest = maxRadius(radii);
  if (widest <= 0) return false;
  const here = locate(seen, target.east, target.north);
  if (here.km - target.reachKm > widest) return false;
  if (here.km <= radii[quadrantOf(here.bearing)]) return true;
  if (here.km <= target.reachKm) {
    if (booleanPointInPolygon(point([centre.lon, centre.lat]), target.outline)) return true;
  } else {
    // The township lies within `reachKm` of its point: it spans the bearings ± asin(reach / d) around it.
    const spread = Math.asin(target.reachKm / here.km) / RAD;
    const spanned = new Set([quadrantOf(here.bearing - spread), quadrantOf(here.bearing), quadrantOf(here.bearing + spread)]);
    let farthest = 0;
    let nearest = Infinity;
    for (const q of spanned) [farthest, nearest] = [Math.max(farthest, radii[q]), Math.min(nearest, radii[q])];
    if (here.km - target.reachKm > farthest) return false;
    if (here.km + target.reachKm <= nearest) return true;
  }
  const o = target.offsets;
  for (let i = 0; i < o.length; i += 2) {
    const v = locate(seen, o[i] as number, o[i + 1] as number);
    if (v.km <= widest && v.km <= radii[quadrantOf(v.bearing)]) return true;
  }
  return false;
}

/** The reference answer: the geodesic circle polygon intersected with the outline by Turf (slow; for tests). */
export function touchesByPolygon(centre: LatLon, radii: QuadrantRadii | null, target: TownshipTarget): boolean {
  if (!radii) return false;
  const ring = windCircleRing(centre, radii);
  return ring !== null && booleanIntersects(polygon([ring]), target.outline);
}
