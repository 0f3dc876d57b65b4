import type { ScatterSeriesOption } from 'echarts/charts';
import type { IncidentSeverity } from '@shared/schemas/incident';
import type { ShelterStatus } from '@shared/schemas/shelter';
import type { WallLayout } from '@shared/schemas/wall';
import { SEVERITY_COLORS } from '../incidents/severityColors';
import { MAP_Z, MAP_ZLEVEL } from './markerEmphasis';
import { nameTooltip } from './tooltipText';

/** The places the map marks besides teams: open incidents, shelters and depots. */
export interface PlaceMarkers {
  incidents: ReadonlyArray<{ id: string; label: string; severity: IncidentSeverity; overdue: boolean; lat: number; lon: number }>;
  shelters: ReadonlyArray<{ id: string; label: string; status: ShelterStatus; lat: number; lon: number }>;
  depots: ReadonlyArray<{ id: string; label: string; lat: number; lon: number }>;
}

/** The markers whose layers are switched on (the wall layout is set from the desk). */
export function visiblePlaceMarkers(markers: PlaceMarkers, layers: Pick<WallLayout['layers'], 'incidents' | 'shelters' | 'depots'>): PlaceMarkers {
  return {
    incidents: layers.incidents ? markers.incidents : [],
    shelters: layers.shelters ? markers.shelters : [],
    depots: layers.depots ? markers.depots : [],
  };
}

const SHELTER_COLORS: Record<ShelterStatus, string> = { open: '#22c55e', full: '#dc2626', closed: '#64748b' };
const DEPOT_COLOR = '#a78bfa';

export function placeSeries(markers: PlaceMarkers, opts: { fontSize: number; showLabels: boolean; labelStyle: Record<string, unknown>; halo: string; tooltip: boolean }): ScatterSeriesOption[] {
  const size = Math.round(opts.fontSize * 1.2);
  const label = { ...opts.labelStyle, show: opts.showLabels, formatter: (p: { name?: string }) => p.name ?? '' };
  const tooltip = nameTooltip(opts.tooltip);
  return [
    {
      id: 'place-depots',
      type: 'scatter',
      coordinateSystem: 'geo',
      z: MAP_Z.depots,
      symbol: 'rect',
      symbolSize: Math.round(size * 0.75),
      label: { ...label, show: false },
      tooltip,
      itemStyle: { color: DEPOT_COLOR, borderColor: opts.halo, borderWidth: 1 },
      data: markers.depots.map((d) => ({ id: `depot:${d.id}`, name: d.label, value: [d.lon, d.lat] })),
    },
    {
      id: 'place-shelters',
      type: 'scatter',
      coordinateSystem: 'geo',
      z: MAP_Z.shelters,
      symbol: 'roundRect',
      symbolSize: size,
      label: { ...label, show: false },
      tooltip,
      data: markers.shelters.map((s) => ({ id: `shelter:${s.id}`, name: s.label, value: [s.lon, s.lat], itemStyle: { color: SHELTER_COLORS[s.status], borderColor: opts.halo, borderWidth: 1 } })),
    },
    {
      id: 'place-incidents',
      type: 'scatter',
      coordinateSystem: 'geo',
      zlevel: MAP_ZLEVEL.above,
      z: MAP_Z.incidents,
      symbol: 'triangle',
      symbolSize: Math.round(size * 1.4),
      label,
      labelLayout: { hideOverlap: true },
      tooltip,
      data: markers.incidents.map((i) => ({
        id: `incident:${i.id}`,
        name: i.label,
        value: [i.lon, i.lat],
        itemStyle: { color: SEVERITY_COLORS[i.severity], borderColor: i.overdue ? '#ffffff' : opts.halo, borderWidth: i.overdue ? 3 : 1.5 },
      })),
    },
  ];
}
