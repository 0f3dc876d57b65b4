import type { SensorElement } from '@shared/schemas/sensor-element';
import type { StationCondition, StationState } from '@shared/schemas/sensor-reading';
import { RAIN_SIGNALS, type Station } from '@shared/schemas/station';

/**
 * How the desk groups stations, worst first: 告警 (a guaranteed level, orange or red rain), 超警戒 (a warning
 * level, blue or yellow rain, gale), 离线 (silent for 3 × its interval, or never heard), 检修, 正常.
 */
export const STATION_GROUPS = ['alarm', 'warning', 'offline', 'maintenance', 'normal'] as const;
export type StationGroup = (typeof STATION_GROUPS)[number];

const GROUP_OF: Record<StationCondition, StationGroup> = { danger: 'alarm', warning: 'warning', offline: 'offline', no_data: 'offline', maintenance: 'maintenance', normal: 'normal' };

export function stationGroup(station: Pick<Station, 'maintenance'>, state: Pick<StationState, 'condition'> | undefined): StationGroup {
  if (station.maintenance) return 'maintenance';
  return GROUP_OF[state?.condition ?? 'no_data'];
}

/** The level element a station's lines apply to: a reservoir's upstream level (库上水位), otherwise the level. */
export const watchedLevel = (station: Pick<Station, 'kind'>): SensorElement => (station.kind === 'reservoir' ? 'level_upstream' : 'level');

export interface LevelReading {
  value: number;
  warning: number | null;
  guaranteed: number | null;
  /** Metres above the warning line (negative: below it); null without a warning line. */
  aboveWarning: number | null;
}

/** The station's latest watched level against its lines, or null when it has none. */
export function levelOf(station: Pick<Station, 'kind' | 'thresholds'>, state: StationState | undefined): LevelReading | null {
  const value = state?.latest[watchedLevel(station)]?.value;
  if (value == null) return null;
  const warning = station.thresholds.level?.warning ?? null;
  const guaranteed = station.thresholds.level?.guaranteed ?? null;
  return { value, warning, guaranteed, aboveWarning: warning === null ? null : round2(value - warning) };
}

export interface StationRow {
  station: Station;
  state: StationState | undefined;
  group: StationGroup;
  rain1h: number;
  rain24h: number;
  level: LevelReading | null;
  windSpeed: number | null;
}

export function stationRow(station: Station, state: StationState | undefined): StationRow {
  return {
    station,
    state,
    group: stationGroup(station, state),
    rain1h: state?.rain['1h'] ?? 0,
    rain24h: state?.rain['24h'] ?? 0,
    level: levelOf(station, state),
    windSpeed: state?.latest.wind_speed?.value ?? null,
  };
}

export const STATION_SORTS = ['state', 'rain', 'level', 'name', 'township'] as const;
export type StationSort = (typeof STATION_SORTS)[number];

/** How bad within a group: a red signal before a blue one, a guaranteed level before a warning one. */
function severity(row: StationRow): number {
  const s = row.state;
  if (!s) return 0;
  const rain = s.rainSignal ? RAIN_SIGNALS.indexOf(s.rainSignal) + 1 : 0;
  const level = s.levelStage === 'guaranteed' ? 5 : s.levelStage === 'warning' ? 3 : 0;
  return Math.max(rain, level) + (s.windAlarm ? 0.5 : 0);
}

const byName = (a: StationRow, b: StationRow) => a.station.name.localeCompare(b.station.name, 'zh-CN');
const byAbove = (row: StationRow) => row.level?.aboveWarning ?? -Infinity;

const COMPARE: Record<StationSort, (a: StationRow, b: StationRow) => number> = {
  state: (a, b) => STATION_GROUPS.indexOf(a.group) - STATION_GROUPS.indexOf(b.group) || severity(b) - severity(a) || b.rain1h - a.rain1h || byAbove(b) - byAbove(a) || byName(a, b),
  rain: (a, b) => b.rain1h - a.rain1h || b.rain24h - a.rain24h || byName(a, b),
  level: (a, b) => byAbove(b) - byAbove(a) || (b.level?.value ?? -Infinity) - (a.level?.value ?? -Infinity) || byName(a, b),
  name: byName,
  township: (a, b) => a.station.township.localeCompare(b.station.township, 'zh-CN') || byName(a, b),
};

/** The desk's station list: rows sorted by `sort`, optionally one group only. */
export function boardRows(stations: readonly Station[], stateOf: (id: string) => StationState | undefined, sort: StationSort, group: StationGroup | null = null): StationRow[] {
  const rows = stations.map((s) => stationRow(s, stateOf(s.id))).filter((r) => group === null || r.group === group);
  return rows.sort(COMPARE[sort]);
}

/** How many stations each group holds (every group present, zeros included). */
export function groupCounts(rows: readonly StationRow[]): Record<StationGroup, number> {
  const counts = Object.fromEntries(STATION_GROUPS.map((g) => [g, 0])) as Record<StationGroup, number>;
  for (const row of rows) counts[row.group] += 1;
  return counts;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** One value a row shows, as a message key under `gauges.value` and its parameters. */
export interface RowFact {
  key: 'rain1h' | 'rain24h' | 'level' | 'above' | 'below' | 'wind';
  params: Record<string, string>;
}

/** What a row says about a station, most telling first: rain for a rain gauge (or any that is raining), its level against the line, wind. */
export function rowFacts(row: StationRow): RowFact[] {
  const facts: RowFact[] = [];
  const kind = row.station.kind;
  if (kind === 'rain' || row.rain1h > 0) facts.push({ key: 'rain1h', params: { mm: row.rain1h.toFixed(1) } });
  if (kind === 'rain') facts.push({ key: 'rain24h', params: { mm: row.rain24h.toFixed(1) } });
  if (row.level) {
    facts.push({ key: 'level', params: { m: row.level.value.toFixed(2) } });
    const above = row.level.aboveWarning;
    if (above !== null) facts.push(above >= 0 ? { key: 'above', params: { m: above.toFixed(2) } } : { key: 'below', params: { m: (-above).toFixed(2) } });
  }
  if (row.windSpeed !== null) facts.push({ key: 'wind', params: { ms: row.windSpeed.toFixed(1) } });
  return facts;
}
