import type { LinesSeriesOption, ScatterSeriesOption } from 'echarts/charts';
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
const DISPATCH = { created: '#f59e0b', delivered: '#f59e0b', accepted: '#0ea5e9', en_route: '#0ea5e9', on_scene: '#16a34a' } as Record<string, string>;

/** The units at the replay time: each at its interpolated position, a silent one greyed at its last fix. */
export function unitSeries(units: readonly ReplayUnit[], on: boolean, followed: string | null, fontSize: number): ScatterSeriesOption {
  return {
    id: 'replay-units',
    type: 'scatter',
    coordinateSystem: 'geo',
    animation: false,
    z: 5,
    label: { show: units.length <= 300, formatter: '{b}', position: 'right', fontSize: Math.round(fontSize * 0.8), fontFamily: CHART_FONT_FAMILY },
    data: on
      ? units.map((u) => ({
          name: u.name,
          value: [u.lon, u.lat],
          symbolSize: u.id === followed ? 16 : 10,
          itemStyle: u.gap ? { color: 'transparent', borderColor: SILENT, borderWidth: 2 } : { color: u.alarm ? ALARM : UNIT, borderColor: u.alarm ? '#7f1d1d' : '#fff', borderWidth: u.alarm ? 3 : 1 },
        }))
      : [],
  };
}

/** Dispatch lines from each unit to its destination, coloured by state; incidents and shelters as they were. */
export function sceneSeries(scene: ReplayScene, unitAt: (teamId: string) => ReplayUnit | undefined, layers: Record<ReplayLayer, boolean>, fontSize: number): Array<LinesSeriesOption | ScatterSeriesOption> {
  const lines = layers.dispatches
    ? Object.values(scene.dispatches).flatMap((d) => {
        const u = unitAt(d.teamId);
        return u ? [{ coords: [[u.lon, u.lat], [d.destination.lon, d.destination.lat]], lineStyle: { color: DISPATCH[d.state] ?? UNIT } }] : [];
      })
    : [];
  const incidents = layers.incidents ? Object.values(scene.incidents).filter((i) => i.location) : [];
  const shelters = layers.shelters ? Object.values(scene.shelters).filter((s) => s.status !== 'closed') : [];
  const label = { show: true, fontSize: Math.round(fontSize * 0.75), position: 'bottom' as const, fontFamily: CHART_FONT_FAMILY };
  return [
    { id: 'replay-dispatches', type: 'lines', coordinateSystem: 'geo', silent: true, z: 3, lineStyle: { width: 2, type: 'dashed', opacity: 0.9 }, data: lines },
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
