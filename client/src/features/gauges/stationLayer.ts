import type { ScatterSeriesOption } from 'echarts/charts';
import type { StationCondition, StationState } from '@shared/schemas/sensor-reading';
import type { Station, StationKind } from '@shared/schemas/station';
import { MAP_Z, MAP_ZLEVEL } from '../map/markerEmphasis';
import { nameTooltip } from '../map/tooltipText';
import { CONDITION_COLORS } from './stationColors';

/** A station as the map draws it. */
export interface StationMarker {
  id: string;
  name: string;
  kind: StationKind;
  lat: number;
  lon: number;
  condition: StationCondition;
}

export const STATION_SERIES_ID = 'stations';

/** Rain gauges are triangles, level gauges diamonds, wind masts squares: told apart without colour. */
const SYMBOLS: Record<StationKind, string> = { rain: 'triangle', river: 'diamond', reservoir: 'diamond', tide: 'diamond', wind: 'rect' };

/** Drawn above quiet ones: a station in alarm is never hidden under a normal neighbour. */
const RANK: Record<StationCondition, number> = { danger: 5, warning: 4, offline: 2, no_data: 1, maintenance: 1, normal: 3 };

export function stationMarkers(stations: readonly Station[], stateOf: (id: string) => StationState | undefined): StationMarker[] {
  return stations
    .map((s) => ({ id: s.id, name: s.name, kind: s.kind, lat: s.location.lat, lon: s.location.lon, condition: s.maintenance ? ('maintenance' as const) : (stateOf(s.id)?.condition ?? 'no_data') }))
    .sort((a, b) => RANK[a.condition] - RANK[b.condition]);
}

/** What changes the drawing: a station's state, place or name (not every new value). */
export const stationMarkersKey = (markers: readonly StationMarker[]): string => markers.map((m) => `${m.id}|${m.condition}|${m.lat}|${m.lon}|${m.name}`).join(';');

export interface StationLayerStyle {
  visible: boolean;
  fontSize: number;
  showLabels: boolean;
  labelStyle: Record<string, unknown>;
  halo: string;
  tooltip: boolean;
}

/**
 * The station layer: one scatter series coloured by state, on the storm's canvas (it changes seldom, never with
 * the moving teams). Names are shown for stations in alarm or above warning only, so 30 gauges do not bury the map.
 * Always present (empty when off): the map merges series by id.
 */
export function stationSeries(markers: readonly StationMarker[], style: StationLayerStyle): ScatterSeriesOption {
  const size = Math.round(style.fontSize * 1.05);
  return {
    id: STATION_SERIES_ID,
    type: 'scatter',
    coordinateSystem: 'geo',
    zlevel: MAP_ZLEVEL.typhoon,
    z: MAP_Z.shelters + 2,
    labelLayout: { hideOverlap: true },
    tooltip: nameTooltip(style.tooltip),
    data: (style.visible ? markers : []).map((m) => {
      const loud = m.condition === 'danger' || m.condition === 'warning';
      return {
        id: `station:${m.id}`,
        name: m.name,
        value: [m.lon, m.lat],
        symbol: SYMBOLS[m.kind],
        symbolSize: loud ? Math.round(size * 1.35) : size,
        itemStyle: { color: CONDITION_COLORS[m.condition], borderColor: style.halo, borderWidth: 1.5 },
        label: { ...style.labelStyle, show: style.showLabels && loud, formatter: m.name, color: CONDITION_COLORS[m.condition], fontWeight: 'bold' as const },
      };
    }),
  };
}
