import type { FieldFix } from '@shared/schemas/position';

/** The parts of a GeolocationPosition we use (a plain object in tests). */
export interface GeoPositionLike {
  timestamp: number;
  coords: {
    latitude: number;
    longitude: number;
    accuracy: number;
    altitude: number | null;
    heading: number | null;
    speed: number | null;
  };
}

const within = (v: number | null | undefined, min: number, max: number): number | null =>
  v == null || !Number.isFinite(v) || v < min || v > max ? null : v;

/**
 * Browser geolocation to the report payload. Browsers give NaN heading when standing still and
 * occasionally absurd values; anything outside the server's ranges becomes null instead of
 * getting the whole report rejected.
 */
export function toFieldFix(pos: GeoPositionLike, battery: number | null): FieldFix {
  const c = pos.coords;
  return {
    lat: c.latitude,
    lon: c.longitude,
    t: Math.round(pos.timestamp),
    speed: within(c.speed, 0, 400),
    heading: within(c.heading === 360 ? 0 : c.heading, 0, 360),
    accuracy: within(c.accuracy, 0, 100_000),
    altitude: within(c.altitude, -500, 10_000),
    battery: within(battery, 0, 100),
  };
}
