import type { LinesSeriesOption } from 'echarts/charts';
import type { AssignmentState } from '@shared/schemas/dispatch';
import type { ClosedDispatch, SceneDispatch } from './dispatchLines';

/** Where each unit is at the replay time ([lon, lat]); a unit not on the map draws no line. */
export type UnitPosition = (teamId: string) => { lon: number; lat: number } | undefined;

export interface LineEmphasis {
  /** Teams with an open SOS or critical alarm. */
  alarmedTeams: ReadonlySet<string>;
  /** Assignments (`dispatchId:teamId`, the alarms' source) with an open undelivered or unaccepted alarm. */
  overdue: ReadonlySet<string>;
}

/** Drawn in this order: the fading ones beneath, an alarmed or overdue dispatch above every other. */
export const LINE_LOOKS = {
  'closed-old': { color: '#64748b', width: 1.5, type: 'solid', opacity: 0.2 },
  closed: { color: '#64748b', width: 1.5, type: 'solid', opacity: 0.5 },
  waiting: { color: '#f59e0b', width: 2, type: 'dashed', opacity: 0.9 },
  moving: { color: '#0ea5e9', width: 2, type: 'dashed', opacity: 0.9 },
  on_scene: { color: '#16a34a', width: 2, type: 'dashed', opacity: 0.9 },
  alarm: { color: '#dc2626', width: 3, type: 'solid', opacity: 1 },
} as const;
export type LineLook = keyof typeof LINE_LOOKS;
const LOOK_NAMES = Object.keys(LINE_LOOKS) as LineLook[];
const LOOK_INDEX = new Map(LOOK_NAMES.map((look, i) => [look, i]));

const STATE_LOOK: Partial<Record<AssignmentState, LineLook>> = { created: 'waiting', delivered: 'waiting', accepted: 'moving', en_route: 'moving', on_scene: 'on_scene' };
/** Numbers per line in ECharts' flat lines format: point count, then x, y of each of the two points. */
const PER_LINE = 5;
const NOT_DRAWN = 255;

export const lineSeriesId = (look: LineLook): string => `replay-dispatches:${look}`;

function openLook(d: SceneDispatch, emphasis: LineEmphasis | null): LineLook {
  if (emphasis && (emphasis.alarmedTeams.has(d.teamId) || emphasis.overdue.has(`${d.dispatchId}:${d.teamId}`))) return 'alarm';
  return STATE_LOOK[d.state] ?? 'waiting';
}

/**
 * Every dispatch line of a frame in a fixed handful of `lines` series, one per look (ECharts' large mode draws a
 * series as one path in one style), each fed flat coordinates: a line is five numbers, never an object or a
 * graphic element of its own, and the series keep their ids, so a frame only replaces their data. Open
 * dispatches go from the unit to its destination in their state's colour (an alarmed team's or an overdue one in
 * red); closed ones fade out in grey, fainter in the second half of the fade.
 */
export function dispatchLineSeries(
  open: readonly SceneDispatch[],
  fading: readonly ClosedDispatch[],
  unitAt: UnitPosition,
  options: { on: boolean; t: number; fadeMs: number; emphasis: LineEmphasis | null },
): LinesSeriesOption[] {
  const shown = options.on ? open.length + fading.length : 0;
  const dispatchAt = (k: number): SceneDispatch => (k < open.length ? (open[k] as SceneDispatch) : (fading[k - open.length] as ClosedDispatch).dispatch);
  // Two passes over the frame's dispatches: their looks and how many of each, then the coordinates in place.
  const looks = new Uint8Array(shown).fill(NOT_DRAWN);
  const counts = new Array<number>(LOOK_NAMES.length).fill(0);
  for (let k = 0; k < shown; k++) {
    const d = dispatchAt(k);
    if (!unitAt(d.teamId)) continue;
    const closedAt = k < open.length ? null : (fading[k - open.length] as ClosedDispatch).closedAt;
    const look = closedAt === null ? openLook(d, options.emphasis) : options.t - closedAt < options.fadeMs / 2 ? 'closed' : 'closed-old';
    const i = LOOK_INDEX.get(look) as number;
    looks[k] = i;
    counts[i] = (counts[i] as number) + 1;
  }
  const data = counts.map((c) => new Float64Array(c * PER_LINE));
  const filled = new Array<number>(LOOK_NAMES.length).fill(0);
  for (let k = 0; k < shown; k++) {
    const i = looks[k] as number;
    if (i === NOT_DRAWN) continue;
    const d = dispatchAt(k);
    const from = unitAt(d.teamId) as { lon: number; lat: number };
    const out = data[i] as Float64Array;
    let o = (filled[i] as number) * PER_LINE;
    out[o++] = 2;
    out[o++] = from.lon;
    out[o++] = from.lat;
    out[o++] = d.destination.lon;
    out[o] = d.destination.lat;
    filled[i] = (filled[i] as number) + 1;
  }
  return LOOK_NAMES.map((look, i) => {
    const { color, width, type, opacity } = LINE_LOOKS[look];
    return {
      id: lineSeriesId(look),
      type: 'lines',
      coordinateSystem: 'geo',
      silent: true,
      animation: false,
      large: true,
      // Large from the first line; an empty series must not be large (ECharts 5.6 then paints a path with no segments and throws).
      largeThreshold: 1,
      progressive: 0,
      z: 3,
      lineStyle: { color, width, type, opacity },
      data: data[i] as unknown as LinesSeriesOption['data'],
    };
  });
}
