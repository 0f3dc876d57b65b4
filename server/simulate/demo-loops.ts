import { distanceMetres, type Point } from '../../shared/geo';

/** A closed loop of waypoints a simulated unit drives around. */
export interface Loop {
  waypoints: Point[];
  speedMps: number;
}

/** Where a unit is after travelling `metres` along its loop (wrapping around), and its heading. */
export function positionAlong(loop: Loop, metres: number): { point: Point; heading: number } {
  const legs = loop.waypoints.map((from, i) => {
    const to = loop.waypoints[(i + 1) % loop.waypoints.length] as Point;
    return { from, to, length: distanceMetres(from, to) };
  });
  const total = legs.reduce((sum, leg) => sum + leg.length, 0);
  let remaining = total > 0 ? metres % total : 0;
  for (const leg of legs) {
    if (remaining <= leg.length || leg === legs.at(-1)) {
      const f = leg.length > 0 ? Math.min(1, remaining / leg.length) : 0;
      const point = { lat: leg.from.lat + (leg.to.lat - leg.from.lat) * f, lon: leg.from.lon + (leg.to.lon - leg.from.lon) * f };
      const heading = ((Math.atan2(leg.to.lon - leg.from.lon, leg.to.lat - leg.from.lat) * 180) / Math.PI + 360) % 360;
      return { point, heading };
    }
    remaining -= leg.length;
  }
  return { point: loop.waypoints[0] as Point, heading: 0 };
}

/**
 * Plausible patrol loops between real places of the county (town centres joined by the main roads,
 * approximated by a few waypoints each), keyed by demo team id.
 */
export const DEMO_LOOPS: Record<string, Loop> = {
  'zone-central': { speedMps: 11, waypoints: [{ lat: 29.4431, lon: 121.8712 }, { lat: 29.4563, lon: 121.9108 }, { lat: 29.4856, lon: 121.9498 }, { lat: 29.4600, lon: 121.8790 }] },
  'civil-bluesky': { speedMps: 9, waypoints: [{ lat: 29.4386, lon: 121.8655 }, { lat: 29.4045, lon: 121.8119 }, { lat: 29.3561, lon: 121.7578 }, { lat: 29.4045, lon: 121.8119 }] },
  'fire-shipu': { speedMps: 12, waypoints: [{ lat: 29.2089, lon: 121.9418 }, { lat: 29.2463, lon: 121.8437 }, { lat: 29.3226, lon: 121.8433 }, { lat: 29.2463, lon: 121.8437 }] },
  'zone-south': { speedMps: 10, waypoints: [{ lat: 29.2463, lon: 121.8437 }, { lat: 29.2003, lon: 121.8351 }, { lat: 29.2089, lon: 121.9418 }] },
  'zone-north': { speedMps: 10, waypoints: [{ lat: 29.6082, lon: 121.8749 }, { lat: 29.5269, lon: 121.8797 }, { lat: 29.5729, lon: 121.7896 }] },
  'power-county': { speedMps: 8, waypoints: [{ lat: 29.4470, lon: 121.8800 }, { lat: 29.4865, lon: 121.7981 }, { lat: 29.4748, lon: 121.6834 }, { lat: 29.4865, lon: 121.7981 }] },
};
