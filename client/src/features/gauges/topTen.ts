import type { StationState } from '@shared/schemas/sensor-reading';
import type { Station } from '@shared/schemas/station';
import { levelOf } from './stationBoard';

export const TOP_COUNT = 10;

export interface RainTopRow {
  id: string;
  name: string;
  township: string;
  mm: number;
}

export interface LevelTopRow {
  id: string;
  name: string;
  township: string;
  value: number;
  /** Metres above the warning line (≥ 0). */
  above: number;
  guaranteed: boolean;
}

/** Stations in maintenance report, but what they report is not trusted on the wall. */
const trusted = (station: Station) => !station.maintenance;

/** The wettest stations over the last hour (rain only, heaviest first). */
export function rainTop(stations: readonly Station[], stateOf: (id: string) => StationState | undefined, count = TOP_COUNT): RainTopRow[] {
  return stations
    .filter(trusted)
    .map((s) => ({ id: s.id, name: s.name, township: s.township, mm: stateOf(s.id)?.rain['1h'] ?? 0 }))
    .filter((r) => r.mm > 0)
    .sort((a, b) => b.mm - a.mm || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, count);
}

/** Levels at or above their warning line, furthest above first. */
export function levelsAboveWarning(stations: readonly Station[], stateOf: (id: string) => StationState | undefined, count = TOP_COUNT): LevelTopRow[] {
  const rows: LevelTopRow[] = [];
  for (const station of stations.filter(trusted)) {
    const level = levelOf(station, stateOf(station.id));
    if (!level || level.aboveWarning === null || level.aboveWarning < 0) continue;
    rows.push({ id: station.id, name: station.name, township: station.township, value: level.value, above: level.aboveWarning, guaranteed: level.guaranteed !== null && level.value >= level.guaranteed });
  }
  return rows.sort((a, b) => b.above - a.above || a.name.localeCompare(b.name, 'zh-CN')).slice(0, count);
}
