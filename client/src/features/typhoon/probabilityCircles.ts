import type { Forecast } from '@shared/schemas/typhoon';
import { windCircleRing } from '@shared/typhoon/circles';

/**
 * Radius of the 70 % probability circle by forecast lead time (hours → km): the circle within which the
 * centre is expected with 70 % probability. Neither the server nor shared/ holds this setting, so it lives
 * here. The values follow the size of CMA's recent mean track errors (roughly 70 km at 24 h growing to a
 * few hundred km at 120 h), widened so that about 70 % of centres fall inside; they are a setting to tune,
 * not a measurement. Between two lead times the radius is interpolated linearly; beyond the last it stays.
 */
export const PROBABILITY_RADII_KM: ReadonlyArray<{ hours: number; km: number }> = [
  { hours: 0, km: 0 },
  { hours: 12, km: 60 },
  { hours: 24, km: 110 },
  { hours: 48, km: 190 },
  { hours: 72, km: 270 },
  { hours: 96, km: 350 },
  { hours: 120, km: 430 },
];

export function probabilityRadiusKm(leadHours: number, table: ReadonlyArray<{ hours: number; km: number }> = PROBABILITY_RADII_KM): number {
  if (table.length === 0 || leadHours <= 0) return 0;
  for (let i = 1; i < table.length; i++) {
    const a = table[i - 1] as { hours: number; km: number };
    const b = table[i] as { hours: number; km: number };
    if (leadHours <= b.hours) return a.km + ((b.km - a.km) * (leadHours - a.hours)) / (b.hours - a.hours);
  }
  return (table.at(-1) as { km: number }).km;
}

/** The circles along a forecast, one per forecast point with a radius above 0, as closed [lon, lat] rings. */
export function probabilityRings(forecast: Forecast): Array<{ at: string; km: number; ring: number[][] }> {
  const issued = Date.parse(forecast.issuedAt);
  return forecast.points.flatMap((p) => {
    const km = probabilityRadiusKm((Date.parse(p.at) - issued) / 3_600_000);
    const ring = windCircleRing({ lat: p.lat, lon: p.lon }, { ne: km, se: km, sw: km, nw: km });
    return ring ? [{ at: p.at, km, ring }] : [];
  });
}
