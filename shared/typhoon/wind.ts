import { GRADE_NAMES, GRADES, type Grade, type SourceWind } from '../schemas/typhoon';

export const KNOT_MS = 0.514444;
export const NAUTICAL_MILE_KM = 1.852;

/**
 * 10-minute mean → 2-minute mean. CMA grades by the 2-minute mean, JMA reports the 10-minute mean. Following
 * the WMO guidelines for converting between averaging periods at sea (Harper, Kepert and Ginger 2010,
 * WMO/TD-No. 1555), a 10-minute mean is about 0.95 of the 2-minute mean over the open sea, so the 2-minute mean
 * is the 10-minute mean × 1.05. It is a convention, not a measurement: documented in server/typhoon/README.md.
 */
export const TEN_TO_TWO_MINUTE = 1.05;

/** A source's wind as the 2-minute mean in m/s, one decimal. */
export function toTwoMinuteMs(wind: SourceWind): number {
  switch (wind.unit) {
    case 'kt_10min':
      return round1(wind.value * KNOT_MS * TEN_TO_TWO_MINUTE);
    case 'ms_10min':
      return round1(wind.value * TEN_TO_TWO_MINUTE);
    case 'ms_2min':
      return round1(wind.value);
    case 'beaufort':
      return round1(beaufortMidMs(wind.value));
  }
}

/** Lower bounds of Beaufort 1…17 in m/s (GB/T 28591-2012, which extends the scale to force 17). */
const BEAUFORT_MIN_MS = [0.3, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8, 24.5, 28.5, 32.7, 37.0, 41.5, 46.2, 51.0, 56.1, 61.3];

/** The lowest wind speed (m/s) of a Beaufort force (0 for force 0). */
export const beaufortMinMs = (force: number): number => (force <= 0 ? 0 : (BEAUFORT_MIN_MS[Math.min(force, BEAUFORT_MIN_MS.length) - 1] as number));

export function beaufortOf(ms: number): number {
  let level = 0;
  for (let i = 0; i < BEAUFORT_MIN_MS.length; i++) if (ms >= (BEAUFORT_MIN_MS[i] as number)) level = i + 1;
  return Math.min(level, 18);
}

function beaufortMidMs(level: number): number {
  const lo = BEAUFORT_MIN_MS[level - 1] ?? 0;
  const hi = BEAUFORT_MIN_MS[level] ?? lo + 5;
  return (lo + hi) / 2;
}

/** GB/T 19201-2006 grade of a 2-minute mean wind; below 10.8 m/s it is not a tropical cyclone (null). */
export function gradeOf(ms: number): Grade | null {
  let grade: Grade | null = null;
  for (const g of GRADES) if (ms >= GRADE_NAMES[g].minMs) grade = g;
  return grade;
}

/** The site's Chinese grade names to grades (the Zhejiang feed sends `strong` in Chinese). */
export function gradeFromChinese(name: string): Grade | null {
  const trimmed = name.trim();
  return GRADES.find((g) => GRADE_NAMES[g].zh === trimmed) ?? null;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
