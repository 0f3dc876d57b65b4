import type { Agency, Forecast, Storm, TrackPoint } from '../../shared/schemas/typhoon';
import { AGENCIES } from '../../shared/schemas/typhoon';
import { pathOf, stateAt } from '../../shared/typhoon/timeline';
import { parseJmaBestTrack } from '../../server/typhoon/importers/jma-best-track';
import { newStorm } from '../../server/typhoon/merge';
import { LEKIMA_1909_JMA_BEST_TRACK } from '../../server/typhoon/reference/lekima-1909';

const HOUR = 3_600_000;

/**
 * The bench's storm: Lekima's real best track resampled (geodesically, radii and wind interpolated) to
 * `points` observed points ending 2019-08-09 06:00 UTC, 18 hours before it passes the county, and five
 * agencies' forecasts to +120 h built from the rest of the real track, each agency shifted a little so the
 * five differ. Not a real forecast: a realistic load for the exposure's work.
 */
export function benchStorm(points: number, withForecasts: boolean): Storm {
  const lekima = newStorm(parseJmaBestTrack(LEKIMA_1909_JMA_BEST_TRACK)[0]!, false);
  const path = pathOf(lekima, null);
  const start = Date.parse('2019-08-02T06:00:00Z');
  const end = Date.parse('2019-08-09T06:00:00Z');
  const track: TrackPoint[] = Array.from({ length: points }, (_, i) => {
    const s = stateAt(path, start + ((end - start) * i) / (points - 1))!;
    return { at: new Date(s.t).toISOString(), lat: s.centre.lat, lon: s.centre.lon, pressureHpa: s.pressureHpa, windMs: s.windMs, sourceWind: null, grade: s.grade, beaufort: s.beaufort, extratropical: false, moveDirectionDeg: null, moveSpeedKmh: null, radii: s.radii };
  });
  const forecastOf = (agency: Agency, k: number): Forecast => ({
    agency,
    issuedAt: new Date(end).toISOString(),
    points: Array.from({ length: 10 }, (_, j) => {
      const s = stateAt(path, Math.min(end + (j + 1) * 12 * HOUR, path.at(-1)!.t))!;
      const shift = (k - 2) * 0.15 * (j + 1);
      return { at: new Date(end + (j + 1) * 12 * HOUR).toISOString(), lat: s.centre.lat + shift / 2, lon: s.centre.lon + shift, pressureHpa: s.pressureHpa, windMs: s.windMs, grade: s.grade, radii: { ...s.radii, level12: agency === 'BABJ' && s.radii.level10 ? { ne: 60, se: 60, sw: 40, nw: 40 } : null } };
    }),
  });
  return { ...lekima, id: 'ty-bench', track, forecasts: withForecasts ? AGENCIES.map(forecastOf) : [] };
}
