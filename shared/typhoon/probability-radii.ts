/**
 * The 70 % probability circle along a forecast track: the circle around each forecast position within which
 * the centre is expected to be, 7 times in 10, at that lead time.
 *
 * CMA does not publish its operational 70 % radii as a table (the National Meteorological Centre derives them
 * from its own errors, classed by the storm's forecast speed and direction: 《气象科技》 2010, 热带气旋路径预报
 * 概率圆应用). What it does publish is its mean track error per lead time, verified each year by the Shanghai
 * Typhoon Institute against CMA's best track. The source here is that verification for 2015 (《气象》 43(4):
 * 501–507, doi:10.7519/j.issn.1000-0526.2017.04.013; abstract at
 * http://qxqk.nmc.cn/qx/ch/reader/view_abstract.aspx?file_no=20170413): CMA's subjective forecasts missed by
 * 66.2 km at 24 h, 119.5 at 48 h, 176.3 at 72 h, 244.3 at 96 h and 328.5 at 120 h.
 *
 * A mean error becomes a 70 % radius under the usual assumption that the miss is a circular normal error
 * (its distance then follows a Rayleigh law): the radius holding a share p is σ·√(−2 ln(1 − p)) and the mean
 * is σ·√(π/2), so the 70 % radius is the mean × √(−2 ln 0.3) / √(π/2) ≈ 1.238. Between two lead times the
 * radius is interpolated linearly (from 0 at the analysis); beyond the last it stays. To follow a newer year,
 * replace the errors below with that year's verification.
 */
export const CMA_MEAN_TRACK_ERROR_KM: ReadonlyArray<{ hours: number; km: number }> = [
  { hours: 24, km: 66.2 },
  { hours: 48, km: 119.5 },
  { hours: 72, km: 176.3 },
  { hours: 96, km: 244.3 },
  { hours: 120, km: 328.5 },
];

/** Radius holding `share` of a circular normal error, as a multiple of its mean distance. */
export const radiusPerMeanError = (share: number): number => Math.sqrt(-2 * Math.log(1 - share)) / Math.sqrt(Math.PI / 2);

export interface ProbabilityRadius {
  hours: number;
  km: number;
}

/** Lead time (hours) → 70 % radius (km), from the analysis (0 km) to 120 h. */
export const PROBABILITY_RADII_KM: readonly ProbabilityRadius[] = [
  { hours: 0, km: 0 },
  ...CMA_MEAN_TRACK_ERROR_KM.map((e) => ({ hours: e.hours, km: Math.round(e.km * radiusPerMeanError(0.7)) })),
];

/** The 70 % radius at a lead time, interpolated between the table's rows and held beyond the last. */
export function probabilityRadiusKm(leadHours: number, table: readonly ProbabilityRadius[] = PROBABILITY_RADII_KM): number {
  if (table.length === 0 || leadHours <= 0) return 0;
  for (let i = 1; i < table.length; i++) {
    const a = table[i - 1] as ProbabilityRadius;
    const b = table[i] as ProbabilityRadius;
    if (leadHours <= b.hours) return a.km + ((b.km - a.km) * (leadHours - a.hours)) / (b.hours - a.hours);
  }
  return (table.at(-1) as ProbabilityRadius).km;
}
