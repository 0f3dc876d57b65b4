import type { CircleExposure, TownshipExposure } from '@shared/schemas/typhoon-exposure';

export const EXPOSURE_SORT_KEYS = [
  'name',
  'distance',
  'bearing',
  'in7',
  'in10',
  'in12',
  'enter7',
  'leave7',
  'enter10',
  'leave10',
  'enter12',
  'leave12',
  'closestAt',
  'closestKm',
  'closestWind',
] as const;
export type ExposureSortKey = (typeof EXPOSURE_SORT_KEYS)[number];
export interface ExposureSort {
  key: ExposureSortKey;
  descending: boolean;
}

const time = (s: string | null | undefined): number | null => (s ? Date.parse(s) : null);
const entered = (c: CircleExposure) => (c.state === 'reached' ? time(c.enteredAt) : null);
const left = (c: CircleExposure) => (c.state === 'reached' ? time(c.leftAt) : null);
const inside = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

/** The value a row is sorted by; null (no data, never reached) always sorts last. */
export function sortValue(row: TownshipExposure, key: ExposureSortKey): number | string | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'distance':
      return row.distanceKm;
    case 'bearing':
      return row.bearingDeg;
    case 'in7':
      return inside(row.insideNow.level7);
    case 'in10':
      return inside(row.insideNow.level10);
    case 'in12':
      return inside(row.insideNow.level12);
    case 'enter7':
      return entered(row.circles.level7);
    case 'leave7':
      return left(row.circles.level7);
    case 'enter10':
      return entered(row.circles.level10);
    case 'leave10':
      return left(row.circles.level10);
    case 'enter12':
      return entered(row.circles.level12);
    case 'leave12':
      return left(row.circles.level12);
    case 'closestAt':
      return time(row.closestApproach.at);
    case 'closestKm':
      return row.closestApproach.distanceKm;
    case 'closestWind':
      return row.closestApproach.intensity.windMs;
  }
}

/** The rows sorted by one column; ties keep the township order (by name), and missing values stay at the bottom either way. */
export function sortExposure(rows: readonly TownshipExposure[], sort: ExposureSort): TownshipExposure[] {
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name, 'zh-CN') : x === null ? 1 : -1;
    const order = typeof x === 'string' || typeof y === 'string' ? String(x).localeCompare(String(y), 'zh-CN') : x - y;
    return order !== 0 ? sign * order : a.name.localeCompare(b.name, 'zh-CN');
  });
}

/** Clicking a column: the same column flips direction, another starts ascending (nearest, soonest first). */
export const nextSort = (current: ExposureSort, key: ExposureSortKey): ExposureSort =>
  current.key === key ? { key, descending: !current.descending } : { key, descending: key === 'in7' || key === 'in10' || key === 'in12' || key === 'closestWind' };
