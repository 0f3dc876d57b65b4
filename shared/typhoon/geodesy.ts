import geographiclib from 'geographiclib-geodesic';

const { Geodesic } = geographiclib;

/** WGS84 geodesics (geographiclib): distances in km, azimuths in degrees clockwise from north. */
const WGS84 = Geodesic.WGS84;
const DISTANCE_AZIMUTH = Geodesic.DISTANCE | Geodesic.AZIMUTH;
const LATLON = Geodesic.LATITUDE | Geodesic.LONGITUDE;

export interface LatLon {
  lat: number;
  lon: number;
}

export function distanceKm(a: LatLon, b: LatLon): number {
  return (WGS84.Inverse(a.lat, a.lon, b.lat, b.lon, Geodesic.DISTANCE).s12 ?? 0) / 1000;
}

/** Distance from a to b and the bearing of b seen from a (0–360). */
export function distanceAndBearing(a: LatLon, b: LatLon): { km: number; bearing: number } {
  const r = WGS84.Inverse(a.lat, a.lon, b.lat, b.lon, DISTANCE_AZIMUTH);
  return { km: (r.s12 ?? 0) / 1000, bearing: normalizeBearing(r.azi1 ?? 0) };
}

/** As distanceAndBearing, plus the geodesic's direction on arrival at b (pointing on, away from a). */
export function distanceBearingArrival(a: LatLon, b: LatLon): { km: number; bearing: number; arrival: number } {
  const r = WGS84.Inverse(a.lat, a.lon, b.lat, b.lon, DISTANCE_AZIMUTH);
  return { km: (r.s12 ?? 0) / 1000, bearing: normalizeBearing(r.azi1 ?? 0), arrival: r.azi2 ?? 0 };
}

/** The point `km` from `from` along `bearing`. */
export function destination(from: LatLon, bearing: number, km: number): LatLon {
  const r = WGS84.Direct(from.lat, from.lon, bearing, km * 1000, LATLON);
  return { lat: r.lat2 ?? from.lat, lon: normalizeLon(r.lon2 ?? from.lon) };
}

/** The point a fraction `f` of the way from a to b along the geodesic (the short way, across 180° if shorter). */
export function interpolate(a: LatLon, b: LatLon, f: number): LatLon {
  if (f <= 0) return a;
  if (f >= 1) return b;
  const line = WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon, LATLON | Geodesic.DISTANCE_IN);
  const p = line.Position(line.s13 * f, LATLON);
  return { lat: p.lat2 ?? a.lat, lon: normalizeLon(p.lon2 ?? a.lon) };
}

/** Points along the geodesic from a to b by fraction, the line solved once (for many samples of one segment). */
export function geodesicBetween(a: LatLon, b: LatLon): (f: number) => LatLon {
  const line = WGS84.InverseLine(a.lat, a.lon, b.lat, b.lon, LATLON | Geodesic.DISTANCE_IN);
  return (f) => {
    if (f <= 0) return a;
    if (f >= 1) return b;
    const p = line.Position(line.s13 * f, LATLON);
    return { lat: p.lat2 ?? a.lat, lon: normalizeLon(p.lon2 ?? a.lon) };
  };
}

export const normalizeBearing = (deg: number): number => ((deg % 360) + 360) % 360;

/** Into (-180, 180]. */
export function normalizeLon(lon: number): number {
  if (lon > -180 && lon <= 180) return lon;
  const x = Math.round((((((lon + 180) % 360) + 360) % 360) - 180) * 1e9) / 1e9;
  return x === -180 ? 180 : x;
}
