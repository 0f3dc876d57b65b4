import type { QuadrantRadii, TrackPoint } from '../../../shared/schemas/typhoon';
import { beaufortOf, gradeOf, toTwoMinuteMs } from '../../../shared/typhoon/wind';
import { badInput } from './parsed-storm';

/** One best-track row as JMA gives it (its text layout and the CSV alike), every field already read and checked. */
export interface JmaTrackRow {
  at: string;
  lat: number;
  lon: number;
  /** JMA's grade 2-7, 9: 2 is a tropical depression, 6 extratropical. */
  jmaGrade: number;
  pressureHpa: number;
  /** 10-minute mean wind; null or 0 when JMA gives none. */
  maxWindKt: number | null;
  radii30kt: QuadrantRadii | null;
  radii50kt: QuadrantRadii | null;
}

export function checkPressure(hpa: number, line: number, field: string): number {
  if (hpa < 850 || hpa > 1100) throw badInput(line, field, `${hpa} hPa is not a plausible central pressure`);
  return hpa;
}

/** The track point of a JMA row: the wind converted to a 2-minute mean, grade and Beaufort force from it. */
export function jmaTrackPoint(row: JmaTrackRow): TrackPoint {
  const kt = row.maxWindKt;
  const sourceWind = kt === null || kt === 0 ? null : { value: kt, unit: 'kt_10min' as const };
  const windMs = sourceWind ? toTwoMinuteMs(sourceWind) : null;
  return {
    at: row.at,
    lat: row.lat,
    lon: row.lon,
    pressureHpa: row.pressureHpa,
    windMs,
    sourceWind,
    // Without a wind JMA still says "TD" (grade 2): below 34 kt, which GB/T 19201 also calls 热带低压.
    grade: windMs !== null ? gradeOf(windMs) : row.jmaGrade === 2 ? 'TD' : null,
    beaufort: windMs === null ? null : beaufortOf(windMs),
    extratropical: row.jmaGrade === 6,
    moveDirectionDeg: null,
    moveSpeedKmh: null,
    // JMA gives no 64-kt radius in the best track.
    radii: { level7: row.radii30kt, level10: row.radii50kt, level12: null },
  };
}
