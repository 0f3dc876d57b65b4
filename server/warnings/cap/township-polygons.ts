import { TOWNSHIP_OUTLINES } from '../../../shared/townships';

type Ring = number[][];

/** About 100 m at this latitude: the outline stays recognisable and an alert stays a few kilobytes. */
const TOLERANCE_DEG = 0.001;
/** Islets smaller than this share of the township's main body are left out of the CAP polygon. */
const MIN_SHARE = 0.02;

function ringArea(ring: Ring): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += (ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!);
  return Math.abs(area / 2);
}

function distanceToSegment(p: number[], a: number[], b: number[]): number {
  const [px, py, ax, ay, bx, by] = [p[0]!, p[1]!, a[0]!, a[1]!, b[0]!, b[1]!];
  const [dx, dy] = [bx - ax, by - ay];
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSq));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Douglas–Peucker on an open run of points, keeping both ends. */
function simplifyRun(points: Ring, tolerance: number): Ring {
  if (points.length <= 2) return points;
  let [index, furthest] = [0, 0];
  for (let i = 1; i < points.length - 1; i++) {
    const d = distanceToSegment(points[i]!, points[0]!, points[points.length - 1]!);
    if (d > furthest) [index, furthest] = [i, d];
  }
  if (furthest <= tolerance) return [points[0]!, points[points.length - 1]!];
  return [...simplifyRun(points.slice(0, index + 1), tolerance).slice(0, -1), ...simplifyRun(points.slice(index), tolerance)];
}

/** A closed ring simplified, split at its furthest point from the start so both halves keep their shape. */
function simplifyRing(ring: Ring): Ring | null {
  const open = ring.slice(0, -1);
  let far = 0;
  for (let i = 1; i < open.length; i++) if (Math.hypot(open[i]![0]! - open[0]![0]!, open[i]![1]! - open[0]![1]!) > Math.hypot(open[far]![0]! - open[0]![0]!, open[far]![1]! - open[0]![1]!)) far = i;
  const simplified = [...simplifyRun(open.slice(0, far + 1), TOLERANCE_DEG).slice(0, -1), ...simplifyRun([...open.slice(far), open[0]!], TOLERANCE_DEG)];
  return simplified.length >= 4 ? simplified : null;
}

const cache = new Map<string, Ring[]>();

/** A township's outline for CAP: its outer rings (islands included, islets left out), simplified and closed, [lon, lat]. */
export function townshipRings(name: string): Ring[] {
  const cached = cache.get(name);
  if (cached) return cached;
  const feature = TOWNSHIP_OUTLINES.features.find((f) => f.properties.name === name);
  if (!feature) return [];
  const geometry = feature.geometry as { type: string; coordinates: Ring[] | Ring[][] };
  const outers = (geometry.type === 'Polygon' ? [geometry.coordinates as Ring[]] : (geometry.coordinates as Ring[][])).map((polygon) => polygon[0]!).filter(Boolean);
  const largest = Math.max(...outers.map(ringArea));
  const rings = outers.filter((ring) => ringArea(ring) >= largest * MIN_SHARE).flatMap((ring) => {
    const simplified = simplifyRing(ring);
    return simplified ? [simplified] : [];
  });
  cache.set(name, rings);
  return rings;
}

/** CAP's `polygon` text: `lat,lon` pairs, the first repeated at the end. */
export const capPolygonText = (ring: Ring): string => ring.map(([lon, lat]) => `${lat!.toFixed(5)},${lon!.toFixed(5)}`).join(' ');
