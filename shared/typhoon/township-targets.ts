import { multiPolygon } from '@turf/helpers';
import type { Feature, MultiPolygon } from 'geojson';
import { townshipCentres, type TownshipFeatureCollection } from '../township-geometry';
import { distanceAndBearing, type LatLon } from './geodesy';

/**
 * A township as the exposure sees it. Positions are kept as offsets (east, north, km) from one anchor, the
 * county seat, found geodesically once (azimuthal-equidistant about the anchor): a storm centre is then
 * placed against all townships with one geodesic to the anchor per instant (see `locate`).
 */
export interface TownshipTarget {
  name: string;
  point: LatLon;
  /** The representative point's offset from the anchor, km. */
  east: number;
  north: number;
  outline: Feature<MultiPolygon>;
  /** Outline vertices' offsets from the anchor, km, as [east, north, east, north, …]. */
  offsets: Float64Array;
  /** Farthest outline vertex from `point`, km: a circle farther than this from the point cannot touch the township. */
  reachKm: number;
}

/** Vertices kept per ring: one in k, so consecutive kept vertices stay a few hundred metres apart along the coast. */
const MAX_RING_VERTICES = 200;

type Ring = number[][];

function thin(ring: Ring): Ring {
  if (ring.length <= MAX_RING_VERTICES) return ring;
  const k = Math.ceil(ring.length / MAX_RING_VERTICES);
  const kept = ring.filter((_, i) => i % k === 0);
  kept.push([...(ring[0] as number[])]);
  return kept;
}

function polygonsOf(geometry: unknown): Ring[][] {
  const g = geometry as { type: string; coordinates: Ring[][] | Ring[] };
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][];
}

export function offsetFrom(anchor: LatLon, p: LatLon): [number, number] {
  const { km, bearing } = distanceAndBearing(anchor, p);
  const rad = (bearing * Math.PI) / 180;
  return [km * Math.sin(rad), km * Math.cos(rad)];
}

/**
 * The townships to measure against. The representative point is the township's government seat when one is
 * given in `seats`, else the centroid of its largest polygon (moved inside when the centroid falls outside,
 * as `townshipCentres` does); distances and the closest approach are measured to it. Circles "reach" a
 * township when they touch its outline (islands included).
 */
export function townshipTargets(collection: TownshipFeatureCollection, anchor: LatLon, seats: Record<string, LatLon> = {}): TownshipTarget[] {
  const centres = new Map(townshipCentres(collection).map((c) => [c.name, { lat: c.lat, lon: c.lon }]));
  return collection.features.map((feature) => {
    const name = feature.properties.name;
    const point = seats[name] ?? (centres.get(name) as LatLon);
    const [east, north] = offsetFrom(anchor, point);
    const polygons = polygonsOf(feature.geometry).map((rings) => rings.map(thin));
    const offsets: number[] = [];
    let reachKm = 0;
    for (const rings of polygons) {
      for (const [lon = 0, lat = 0] of rings[0] ?? []) {
        const [e, n] = offsetFrom(anchor, { lat, lon });
        offsets.push(e, n);
        reachKm = Math.max(reachKm, Math.hypot(e - east, n - north));
      }
    }
    // The planar offsets are exact from the anchor and good to tens of metres between townships; keep a margin.
    return { name, point, east, north, outline: multiPolygon(polygons), offsets: Float64Array.from(offsets), reachKm: reachKm + 0.5 };
  });
}
