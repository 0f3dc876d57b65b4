import type { ScatterSeriesOption } from 'echarts/charts';
import type { ReplayScene } from '@shared/schemas/replay';
import type { UnitAt } from './playback';
import type { ReplayLayer } from './replayStore';
import { CHART_FONT_FAMILY } from '../map/chartFonts';

export interface ReplayUnit extends UnitAt {
  id: string;
  name: string;
  /** An open SOS or critical alarm of the unit at the replay time. */
  alarm: boolean;
}

const SILENT = '#94a3b8';
const UNIT = '#2563eb';
const ALARM = '#dc2626';

/** Past this many units, their names are not drawn (they would only overlap) and ECharts draws each look in large mode. */
export const LABELLED_UNITS_LIMIT = 300;

/** Flat [lon, lat, …] coordinates: ECharts takes a typed array in one copy where it would clone a point object per unit. */
function flat(units: readonly ReplayUnit[]): ScatterSeriesOption['data'] {
  const data = new Float64Array(units.length * 2);
  units.forEach((u, i) => {
    data[i * 2] = u.lon;
    data[i * 2 + 1] = u.lat;
  });
  return data as unknown as ScatterSeriesOption['data'];
}

const LOOKS = {
  moving: { color: UNIT, borderColor: '#fff', borderWidth: 1 },
  alarm: { color: ALARM, borderColor: '#7f1d1d', borderWidth: 3 },
  silent: { color: 'transparent', borderColor: SILENT, borderWidth: 2 },
} as const;
const lookOf = (u: ReplayUnit): keyof typeof LOOKS => (u.gap ? 'silent' : u.alarm ? 'alarm' : 'moving');

/**
 * The units at the replay time, as the live map draws its teams (teamSeries.ts): one series per look with one
 * style and flat coordinates, in large mode when many (each look one path), so a frame costs little more than
 * copying the positions. Each unit sits at its interpolated position, a silent one as a grey ring at its last
 * fix; the followed unit is drawn larger on its own, and names only while few enough to read.
 */
export function unitSeries(units: readonly ReplayUnit[], on: boolean, followed: string | null, fontSize: number): ScatterSeriesOption[] {
  const shown = on ? units : [];
  const followedUnit = shown.find((u) => u.id === followed);
  const rest = followedUnit ? shown.filter((u) => u !== followedUnit) : shown;
  const common = { type: 'scatter' as const, coordinateSystem: 'geo' as const, animation: false, silent: true, large: true, largeThreshold: LABELLED_UNITS_LIMIT, progressive: 0, dimensions: ['lng', 'lat'], z: 5, symbol: 'circle', symbolSize: 10, label: { show: false } };
  const looks: ScatterSeriesOption[] = (Object.keys(LOOKS) as Array<keyof typeof LOOKS>).map((look) => ({ ...common, id: `replay-units:${look}`, itemStyle: LOOKS[look], data: flat(rest.filter((u) => lookOf(u) === look)) }));
  const label = { show: true, formatter: '{b}', position: 'right' as const, fontSize: Math.round(fontSize * 0.8), fontFamily: CHART_FONT_FAMILY };
  return [
    ...looks,
    {
      id: 'replay-unit-labels',
      type: 'scatter',
      coordinateSystem: 'geo',
      animation: false,
      silent: true,
      z: 5,
      symbolSize: 10,
      itemStyle: { color: 'transparent' },
      label,
      labelLayout: { hideOverlap: true },
      data: rest.length <= LABELLED_UNITS_LIMIT ? rest.map((u) => ({ name: u.name, value: [u.lon, u.lat] })) : [],
    },
    {
      id: 'replay-unit-followed',
      type: 'scatter',
      coordinateSystem: 'geo',
      animation: false,
      silent: true,
      z: 6,
      symbolSize: 16,
      label: { ...label, fontWeight: 'bold' },
      data: followedUnit ? [{ name: followedUnit.name, value: [followedUnit.lon, followedUnit.lat], itemStyle: LOOKS[lookOf(followedUnit)] }] : [],
    },
  ];
}

/** Incidents and shelters as they were. */
export function sceneSeries(scene: ReplayScene, layers: Record<ReplayLayer, boolean>, fontSize: number): ScatterSeriesOption[] {
  const incidents = layers.incidents ? Object.values(scene.incidents).filter((i) => i.location) : [];
  const shelters = layers.shelters ? Object.values(scene.shelters).filter((s) => s.status !== 'closed') : [];
  const label = { show: true, fontSize: Math.round(fontSize * 0.75), position: 'bottom' as const, fontFamily: CHART_FONT_FAMILY };
  return [
    {
      id: 'replay-incidents',
      type: 'scatter',
      coordinateSystem: 'geo',
      z: 4,
      symbol: 'diamond',
      symbolSize: 14,
      label: { ...label, formatter: '{b}' },
      data: incidents.map((i) => ({ name: i.code, value: [i.location!.lon, i.location!.lat], itemStyle: { color: '#b91c1c' } })),
    },
    {
      id: 'replay-shelters',
      type: 'scatter',
      coordinateSystem: 'geo',
      z: 4,
      symbol: 'roundRect',
      label: { ...label, formatter: '{b}' },
      data: shelters.map((s) => ({ name: `${s.name} ${s.occupancy}/${s.capacity}`, value: [s.location.lon, s.location.lat], symbolSize: 10 + Math.min(14, Math.sqrt(s.occupancy)), itemStyle: { color: s.status === 'full' ? ALARM : '#15803d' } })),
    },
  ];
}

/** Every text the replay's labels may draw, to load its glyphs before the canvas measures them. */
export const sceneText = (scene: ReplayScene): string =>
  [...Object.values(scene.teams).map((t) => t.name), ...Object.values(scene.shelters).map((s) => s.name), ...Object.values(scene.incidents).map((i) => i.code)].join('');
