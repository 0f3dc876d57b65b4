import { describe, expect, it } from 'vitest';
import { TOWNSHIP_OUTLINES } from '../townships';
import { windCircleRing } from './circles';
import { destination, distanceAndBearing, distanceKm } from './geodesy';
import { sight, touches, touchesByPolygon } from './touch';
import { townshipTargets } from './township-targets';

describe('quadrant wind circles', () => {
  it('draws each quadrant at its own radius, geodesically, as a closed counter-clockwise ring', () => {
    const centre = { lat: 27.5, lon: 122.0 };
    const radii = { ne: 400, se: 300, sw: 150, nw: 250 };
    const ring = windCircleRing(centre, radii)!;
    expect(ring[0]).toEqual(ring.at(-1));
    for (const [lon, lat] of ring.slice(0, -1)) {
      const { km, bearing } = distanceAndBearing(centre, { lat: lat!, lon: lon! });
      const byQuadrant = [radii.ne, radii.se, radii.sw, radii.nw];
      const q = Math.round(bearing / 90) % 4;
      const onBoundary = Math.abs(bearing - Math.round(bearing / 90) * 90) < 1e-6;
      // Off a boundary a vertex is at its own quadrant's radius; on one it may belong to either neighbour.
      const allowed = onBoundary ? [byQuadrant[q]!, byQuadrant[(q + 3) % 4]!] : [byQuadrant[Math.floor(bearing / 90)]!];
      expect(allowed.some((r) => Math.abs(km - r) < 0.01)).toBe(true);
    }
    let area = 0;
    for (let i = 0; i < ring.length - 1; i++) area += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
    expect(area).toBeGreaterThan(0);
  });

  it('goes through the centre where a quadrant has no wind of that force, and is null when none has', () => {
    const centre = { lat: 20, lon: 130 };
    const ring = windCircleRing(centre, { ne: 100, se: 0, sw: 0, nw: 0 })!;
    expect(ring.filter(([lon, lat]) => lon === centre.lon && lat === centre.lat).length).toBeGreaterThanOrEqual(3);
    expect(windCircleRing(centre, { ne: 0, se: 0, sw: 0, nw: 0 })).toBeNull();
  });

  it('keeps a circle astride 180° in one piece', () => {
    const ring = windCircleRing({ lat: 20, lon: 179.5 }, { ne: 300, se: 300, sw: 300, nw: 300 })!;
    const lons = ring.map(([lon]) => lon!);
    expect(Math.max(...lons) - Math.min(...lons)).toBeLessThan(10);
    expect(Math.max(...lons)).toBeGreaterThan(180);
  });
});

describe('touching a township', () => {
  const anchor = { lat: 29.45641, lon: 121.92156 };
  const targets = townshipTargets(TOWNSHIP_OUTLINES, anchor);

  it('agrees with intersecting the geodesic circle polygon with the outline in Turf', () => {
    let disagreements = 0;
    let touching = 0;
    let cases = 0;
    for (const target of targets) {
      for (let bearing = 0; bearing < 360; bearing += 45) {
        for (const km of [60, 120, 200]) {
          const centre = destination(target.point, bearing, km);
          // Radii around the township's distance, so the edge falls on or near the outline.
          const radii = { ne: km - 8 + (bearing % 20), se: km + 5, sw: km - 15, nw: km + 2 };
          const fast = touches(centre, radii, target, sight(centre, anchor));
          if (fast !== touchesByPolygon(centre, radii, target)) disagreements++;
          if (fast) touching++;
          cases++;
        }
      }
    }
    expect(touching).toBeGreaterThan(cases / 5);
    expect(touching).toBeLessThan(cases);
    // The fast test is exact to the outline's vertex spacing: a rare edge grazing between kept vertices may differ.
    expect(disagreements / cases).toBeLessThan(0.01);
  });

  it('places townships from the anchor to well under a kilometre of the direct geodesic', () => {
    const centre = { lat: 27.1, lon: 122.5 };
    const seen = sight(centre, anchor);
    for (const t of targets) {
      const along = seen.km + t.east * seen.ux + t.north * seen.uy;
      const across = t.east * seen.uy - t.north * seen.ux;
      expect(Math.abs(Math.hypot(along, across) - distanceKm(centre, t.point))).toBeLessThan(0.3);
    }
  });
});
