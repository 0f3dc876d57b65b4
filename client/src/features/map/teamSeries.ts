import type { EffectScatterSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { TEAM_STATUSES, type TeamStatus } from '@shared/enums';
import type { MapTeamMarker } from '../../env';
import { ACTIVE_STATUSES, STALE_COLOR, STATUS_COLORS } from '../teams/statusColors';
import { labelledTeamIds } from './denseLayers';
import { MAP_Z, MAP_ZLEVEL } from './markerEmphasis';
import { escapeHtml, nameTooltip } from './tooltipText';

/**
 * Past this many markers in a series, ECharts draws it in large mode: every point of the series is one path
 * with the series' style, built and painted in one go, instead of a symbol element (and style object) each.
 * Clicks and tooltips still find the point under the pointer.
 */
export const LARGE_MARKERS_LIMIT = 300;
/** Active teams ripple (a pulse animated every frame) while there are at most this many; beyond, they are plain. */
export const RIPPLE_LIMIT = 300;

const SOS_COLOR = '#ef1c1c';

/**
 * The bulk markers (each status, and stale) are drawn as two halves, each on a canvas of its own that the map
 * draws in a task of its own (stackedMap.ts): with thousands of units, rasterising every marker at the end of
 * one task was the wall's longest task.
 */
export const MARKER_HALVES = [
  { suffix: '', zlevel: MAP_ZLEVEL.moving },
  { suffix: ':second-half', zlevel: MAP_ZLEVEL.movingSecondHalf },
] as const;
const BULK_KEYS = [...TEAM_STATUSES, 'stale', 'stale-hole'] as const;

export const TEAM_SERIES_IDS: readonly string[] = [
  ...MARKER_HALVES.flatMap((h) => BULK_KEYS.map((k) => `teams:${k}${h.suffix}`)),
  'teams-active',
  'team-selected',
  'team-labels',
  'teams-sos',
  'teams-sos-acknowledged',
];

/** Every other marker in each half, so both halves spread over the whole map and cost about the same. */
const halvesOf = <T>(items: readonly T[]): [T[], T[]] => [items.filter((_, i) => i % 2 === 0), items.filter((_, i) => i % 2 === 1)];

export interface TeamSeriesInput {
  /** The markers the map draws (SOS included). */
  markers: readonly MapTeamMarker[];
  selectedTeamId: string | null;
  fontSize: number;
  showLabels: boolean;
  labelOf: (m: MapTeamMarker) => string;
  /** Shared label style (position, font, halo). */
  label: Record<string, unknown>;
  colours: { text: string; halo: string };
  tooltip: boolean;
}

const isLive = (m: MapTeamMarker) => !m.stale && ACTIVE_STATUSES.includes(m.status);

/** The markers behind a series' flat coordinates, so a click or a tooltip finds its team by data index. */
const markersOfData = new WeakMap<object, readonly MapTeamMarker[]>();

/** The team drawn at `dataIndex` of a series whose data this module built as flat coordinates. */
export const markerAt = (data: unknown, dataIndex: number): MapTeamMarker | undefined => (data && typeof data === 'object' ? markersOfData.get(data)?.[dataIndex] : undefined);

/**
 * Flat [lon, lat, lon, lat, …] coordinates: ECharts copies a typed array in one go where it would clone
 * thousands of point objects on every update (the largest cost of a push, by profile).
 */
function flatCoordinates(markers: readonly MapTeamMarker[]): Float64Array {
  const data = new Float64Array(markers.length * 2);
  markers.forEach((m, i) => {
    data[i * 2] = m.lon;
    data[i * 2 + 1] = m.lat;
  });
  markersOfData.set(data, markers);
  return data;
}

/**
 * The team markers as a handful of series, each with one style: one per status and one for stale teams (rings),
 * each in two halves (MARKER_HALVES); active teams with their ripple while few, the selected team on its own (larger, outlined), SOS above all.
 * Labels are a series of their own holding only the labelled teams (all up to LABELLED_MARKERS_LIMIT, then
 * the selected, active and live ones first); their overlap hiding keeps them apart, and a label's priority
 * is the size of its team's marker, so live teams keep theirs over stale ones.
 */
export function teamSeries(input: TeamSeriesInput): Array<ScatterSeriesOption | EffectScatterSeriesOption> {
  const size = Math.round(input.fontSize * 1.1);
  const staleSize = Math.round(size * 0.8);
  const c = input.colours;
  const plain = input.markers.filter((m) => m.sos === null);
  const selected = plain.find((m) => m.id === input.selectedTeamId) ?? null;
  const rest = plain.filter((m) => m !== selected);
  const active = rest.filter(isLive);
  const ripple = active.length <= RIPPLE_LIMIT ? new Set(active) : new Set<MapTeamMarker>();
  const animation = input.markers.length <= LARGE_MARKERS_LIMIT;
  const tooltip = nameTooltip(input.tooltip);
  const item = (m: MapTeamMarker) => ({ id: m.id, name: m.name, value: [m.lon, m.lat] });
  const common = { type: 'scatter' as const, coordinateSystem: 'geo' as const, zlevel: MAP_ZLEVEL.moving, animation, large: true, largeThreshold: Math.ceil(LARGE_MARKERS_LIMIT / MARKER_HALVES.length), progressive: 0, tooltip, label: { show: false } };

  const flat = (markers: MapTeamMarker[]) => ({
    data: flatCoordinates(markers) as unknown as ScatterSeriesOption['data'],
    dimensions: ['lng', 'lat'],
    tooltip: { show: input.tooltip, formatter: (p: { name?: string; dataIndex?: number }) => escapeHtml(p.name || markers[p.dataIndex ?? -1]?.name || '') },
  });
  // Fills only, and a 1-px edge: Chromium's software canvas draws a 1-px stroke as a hairline, while a 1.5-px one
  // (or a stale team's 3-px ring) made rasterising 5,000 markers take three times as long (bench/wall).
  const statusStyle = (status: TeamStatus) => ({
    z: ACTIVE_STATUSES.includes(status) ? MAP_Z.activeTeams : MAP_Z.teams,
    symbol: 'circle',
    symbolSize: size,
    itemStyle: { color: STATUS_COLORS[status], borderColor: c.halo, borderWidth: 1 },
  });
  // A stale team is a ring: a disc in the stale colour, and a smaller one in the halo colour over it (a click on
  // either finds the same team: both hold the same markers in the same order).
  const ring = 3;
  const staleStyle = { z: MAP_Z.teams, symbol: 'circle', symbolSize: staleSize + ring, itemStyle: { color: STALE_COLOR, borderWidth: 0, opacity: 0.85 } };
  const holeStyle = { z: MAP_Z.teams, symbol: 'circle', symbolSize: staleSize - ring, itemStyle: { color: c.halo, borderWidth: 0 } };
  const stale = rest.filter((m) => m.stale);
  const bulk: ScatterSeriesOption[] = BULK_KEYS.flatMap((key) => {
    const markers = key === 'stale' || key === 'stale-hole' ? stale : rest.filter((m) => !m.stale && m.status === key && !ripple.has(m));
    const style = key === 'stale' ? staleStyle : key === 'stale-hole' ? holeStyle : statusStyle(key);
    return halvesOf(markers).map((half, i) => ({ ...common, ...style, id: `teams:${key}${MARKER_HALVES[i]!.suffix}`, zlevel: MARKER_HALVES[i]!.zlevel, ...flat(half) }));
  });
  const rippling: EffectScatterSeriesOption = {
    id: 'teams-active',
    type: 'effectScatter',
    coordinateSystem: 'geo',
    // Its own canvas: the ripple repaints every frame, and must not repaint thousands of markers with it.
    zlevel: MAP_ZLEVEL.ripple,
    z: MAP_Z.activeTeams,
    animation,
    rippleEffect: { brushType: 'stroke', scale: 2.6, period: 3 },
    symbolSize: size,
    tooltip,
    label: { show: false },
    data: [...ripple].map((m) => ({ ...item(m), itemStyle: { color: STATUS_COLORS[m.status], borderColor: c.halo, borderWidth: 1.5 } })),
  };
  const chosen = labelledTeamIds(rest, input.selectedTeamId);
  const labels: ScatterSeriesOption = {
    id: 'team-labels',
    type: 'scatter',
    coordinateSystem: 'geo',
    // On a canvas of its own, set in a task after the markers' (stackedMap.ts): each task draws only its part.
    zlevel: MAP_ZLEVEL.teamLabels,
    z: MAP_Z.activeTeams,
    silent: true,
    animation,
    itemStyle: { color: 'transparent' },
    label: { ...input.label, show: true },
    labelLayout: { hideOverlap: true },
    tooltip: { show: false },
    data: input.showLabels
      ? rest
          .filter((m) => !chosen || chosen.has(m.id))
          .map((m) => ({ ...item(m), symbolSize: m.stale ? staleSize : size, label: { formatter: input.labelOf(m), color: m.stale ? STALE_COLOR : c.text } }))
      : [],
  };
  const selectedSeries: ScatterSeriesOption = {
    id: 'team-selected',
    type: 'scatter',
    coordinateSystem: 'geo',
    zlevel: MAP_ZLEVEL.moving,
    z: MAP_Z.activeTeams,
    animation,
    tooltip,
    label: { ...input.label, fontWeight: 'bold', show: input.showLabels, formatter: selected ? input.labelOf(selected) : '', color: selected?.stale ? STALE_COLOR : c.text },
    labelLayout: { hideOverlap: true },
    data: selected
      ? [{ ...item(selected), symbol: selected.stale ? 'emptyCircle' : 'circle', symbolSize: size * 1.5, itemStyle: { color: selected.stale ? STALE_COLOR : STATUS_COLORS[selected.status], borderColor: selected.stale ? STALE_COLOR : c.text, borderWidth: 3 } }]
      : [],
  };

  const sosPoint = (m: MapTeamMarker) => ({
    ...item(m),
    symbol: 'circle',
    symbolSize: Math.round(size * 1.6),
    itemStyle: { color: SOS_COLOR, borderColor: '#ffffff', borderWidth: 3 },
    label: { show: true, formatter: `SOS ${m.name}`, color: SOS_COLOR },
  });
  const sos = (id: string, state: 'raised' | 'acknowledged') => ({
    id,
    coordinateSystem: 'geo' as const,
    zlevel: MAP_ZLEVEL.above,
    z: MAP_Z.sos,
    label: { ...input.label, fontWeight: 'bold' as const },
    tooltip,
    data: input.markers.filter((m) => m.sos === state).map(sosPoint),
  });
  return [
    ...bulk,
    rippling,
    labels,
    selectedSeries,
    // A team in SOS: above every other marker, flashing (fast filled ripple) until acknowledged.
    { ...sos('teams-sos', 'raised'), type: 'effectScatter', rippleEffect: { brushType: 'fill', scale: 4, period: 1, number: 2 } },
    { ...sos('teams-sos-acknowledged', 'acknowledged'), type: 'scatter' },
  ];
}
