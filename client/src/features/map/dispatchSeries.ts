import type { LinesSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { AssignmentState, DispatchPriority } from '@shared/schemas/dispatch';
import { ASSIGNMENT_COLORS, PRIORITY_COLORS } from '../dispatches/stateColors';
import { MAP_Z, MAP_ZLEVEL } from './markerEmphasis';
import { nameTooltip } from './tooltipText';

/** A team's line to where it was sent, as drawn: from its marker to the destination. */
export interface DispatchLine {
  dispatchId: string;
  teamId: string;
  state: AssignmentState;
  priority: DispatchPriority;
  from: [number, number];
  to: [number, number];
  label: string;
}

export interface DispatchSeriesInput {
  lines: readonly DispatchLine[];
  /** The destination being chosen on the desk's dispatch form. */
  pick: { lat: number; lon: number } | null;
  showLabels: boolean;
  fontSize: number;
  dark: boolean;
  labelStyle: Record<string, unknown>;
  tooltip: boolean;
}

/** Moving states are drawn solid, waiting ones dashed. */
const solid = (s: AssignmentState) => s === 'en_route' || s === 'on_scene';

export function dispatchSeries(input: DispatchSeriesInput): Array<LinesSeriesOption | ScatterSeriesOption> {
  const width = Math.max(2, input.fontSize / 6);
  const destinations = new Map<string, DispatchLine>();
  for (const line of input.lines) if (!destinations.has(line.dispatchId)) destinations.set(line.dispatchId, line);
  return [
    {
      id: 'dispatch-lines',
      type: 'lines',
      coordinateSystem: 'geo',
      silent: true,
      zlevel: MAP_ZLEVEL.moving,
      z: MAP_Z.dispatchLines,
      symbol: ['none', 'arrow'],
      symbolSize: Math.round(input.fontSize * 0.7),
      data: input.lines.map((l) => ({
        coords: [l.from, l.to],
        lineStyle: { color: ASSIGNMENT_COLORS[l.state], width, type: solid(l.state) ? ('solid' as const) : ('dashed' as const), opacity: 0.9 },
      })),
    },
    {
      id: 'dispatch-destinations',
      type: 'scatter',
      coordinateSystem: 'geo',
      zlevel: MAP_ZLEVEL.moving,
      z: MAP_Z.destinations,
      symbol: 'pin',
      symbolSize: Math.round(input.fontSize * 1.6),
      label: { ...input.labelStyle, show: input.showLabels, position: 'right', formatter: (p: { name?: string }) => p.name ?? '' },
      tooltip: nameTooltip(input.tooltip),
      data: [...destinations.values()].map((l) => ({ id: `dest:${l.dispatchId}`, name: l.label, value: l.to, itemStyle: { color: PRIORITY_COLORS[l.priority] } })),
    },
    {
      id: 'dispatch-pick',
      type: 'scatter',
      coordinateSystem: 'geo',
      silent: true,
      zlevel: MAP_ZLEVEL.above,
      z: MAP_Z.pick,
      symbol: 'pin',
      symbolSize: Math.round(input.fontSize * 2.2),
      // The pin's tip on the point, its head above it: a gauge or team marker dropped on stays in sight.
      symbolOffset: [0, '-50%'],
      itemStyle: { color: input.dark ? '#fde047' : '#7c3aed' },
      data: input.pick ? [{ value: [input.pick.lon, input.pick.lat] }] : [],
    },
  ];
}
