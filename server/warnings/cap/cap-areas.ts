import type { CapArea } from '../../../shared/schemas/cap-alert';
import { TOWNSHIP_NAMES } from '../../../shared/townships';
import type { CapProblem } from './cap-problems';

/** The county's administrative code (GB/T 2260): an alert coded for it, or for a place inside it, is ours. */
export const COUNTY_CODE = '330225';

type LonLat = [number, number];

/** CAP `polygon`: space-separated `lat,lon` pairs, at least four, the last equal to the first. */
export function parsePolygon(text: string, path: string, problems: CapProblem[]): LonLat[] | null {
  const pairs = text.trim().split(/\s+/).filter(Boolean);
  const ring: LonLat[] = [];
  for (const pair of pairs) {
    const point = parsePoint(pair);
    if (!point) {
      problems.push({ path, message: `"${pair.slice(0, 40)}" is not a latitude,longitude pair.` });
      return null;
    }
    ring.push(point);
  }
  if (ring.length < 4) {
    problems.push({ path, message: `A polygon needs at least 4 points (the first repeated at the end); it has ${ring.length}.` });
    return null;
  }
  const [first, last] = [ring[0]!, ring[ring.length - 1]!];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    problems.push({ path, message: 'The polygon does not close: its last point must repeat its first.' });
    return null;
  }
  return ring;
}

/** CAP `circle`: `lat,lon radius` with the radius in kilometres. */
export function parseCircle(text: string, path: string, problems: CapProblem[]): CapArea['circles'][number] | null {
  const [centre = '', radius = '', ...rest] = text.trim().split(/\s+/);
  const point = parsePoint(centre);
  const radiusKm = Number(radius);
  if (!point || rest.length > 0 || radius === '' || !Number.isFinite(radiusKm) || radiusKm < 0) {
    problems.push({ path, message: `"${text.slice(0, 60)}" is not a circle ("latitude,longitude radius-in-km").` });
    return null;
  }
  return { lat: point[1], lon: point[0], radiusKm };
}

function parsePoint(pair: string): LonLat | null {
  const parts = pair.split(',');
  if (parts.length !== 2) return null;
  const [lat, lon] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat!) > 90 || Math.abs(lon!) > 180) return null;
  return [lon!, lat!];
}

/**
 * Where an area without its own shape is drawn from: a township named in its description, else the county
 * outline when a geocode is the county's or inside it, else the county outline anyway (the alert was sent
 * to us, so it concerns the county) — marked so the board can say the shape is approximate.
 */
export function outlineFor(description: string, geocodes: CapArea['geocodes']): { drawnFrom: CapArea['drawnFrom']; outlineOf: string | null } {
  const township = TOWNSHIP_NAMES.find((name) => description.includes(name));
  if (township) return { drawnFrom: 'township', outlineOf: township };
  return { drawnFrom: 'county', outlineOf: geocodes.some((g) => g.value.startsWith(COUNTY_CODE)) ? COUNTY_CODE : null };
}
