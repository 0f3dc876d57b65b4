import type { QuadrantRadii } from '../schemas/typhoon';
import { destination, type LatLon } from './geodesy';

export const QUADRANTS = ['ne', 'se', 'sw', 'nw'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** The quadrant a bearing (degrees from north, seen from the centre) falls in; a boundary belongs to the quadrant clockwise of it. */
export function quadrantOf(bearing: number): Quadrant {
  return QUADRANTS[Math.floor((((bearing % 360) + 360) % 360) / 90) % 4] as Quadrant;
}

export const maxRadius = (r: QuadrantRadii): number => Math.max(r.ne, r.se, r.sw, r.nw);
export const minRadius = (r: QuadrantRadii): number => Math.min(r.ne, r.se, r.sw, r.nw);

/** Vertices per quadrant arc: 3.75° apart, under 1 km from the true arc for radii up to 600 km. */
const ARC_STEPS = 24;

/**
 * A wind circle drawn by quadrant, geodesically: each quadrant is an arc of its own radius around the centre
 * (points found with the direct geodesic problem), joined through the centre where a quadrant has no wind of
 * that force. A GeoJSON ring of [lon, lat], closed, counter-clockwise; longitudes are unwrapped around the
 * centre's, so a circle astride 180° stays one shape (lon may exceed 180). Null when every quadrant is 0 km.
 */
export function windCircleRing(centre: LatLon, radii: QuadrantRadii): number[][] | null {
  if (maxRadius(radii) <= 0) return null;
  const ring: number[][] = [];
  const push = (p: LatLon) => ring.push([unwrap(p.lon, centre.lon), p.lat]);
  for (let q = 0; q < 4; q++) {
    const r = radii[QUADRANTS[q] as Quadrant];
    if (r <= 0) {
      push(centre);
      continue;
    }
    for (let i = 0; i <= ARC_STEPS; i++) push(destination(centre, q * 90 + (90 * i) / ARC_STEPS, r));
  }
  ring.push([...(ring[0] as number[])]);
  return ring.reverse();
}

function unwrap(lon: number, around: number): number {
  let x = lon;
  while (x - around > 180) x -= 360;
  while (x - around < -180) x += 360;
  return x;
}
