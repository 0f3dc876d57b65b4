import type { Forecast } from '@shared/schemas/typhoon';
import { windCircleRing } from '@shared/typhoon/circles';
import { probabilityRadiusKm } from '@shared/typhoon/probability-radii';

/**
 * The 70 % circles along a forecast, one per forecast point with a radius above 0, as closed [lon, lat] rings.
 * The radius per lead time is the shared setting (shared/typhoon/probability-radii.ts, from CMA's published
 * track errors).
 */
export function probabilityRings(forecast: Forecast): Array<{ at: string; km: number; ring: number[][] }> {
  const issued = Date.parse(forecast.issuedAt);
  return forecast.points.flatMap((p) => {
    const km = probabilityRadiusKm((Date.parse(p.at) - issued) / 3_600_000);
    const ring = windCircleRing({ lat: p.lat, lon: p.lon }, { ne: km, se: km, sw: km, nw: km });
    return ring ? [{ at: p.at, km, ring }] : [];
  });
}
