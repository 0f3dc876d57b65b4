import type { LinesSeriesOption } from 'echarts/charts';
import { TEAM_STATUSES, type TeamStatus } from '@shared/enums';
import type { MapTeamMarker } from '../../env';
import { ACTIVE_STATUSES, STALE_COLOR, STATUS_COLORS } from '../teams/statusColors';

/** A team's recent trail, one polyline in its status colour. */
export interface TrailLine {
  teamId: string;
  status: TeamStatus;
  stale: boolean;
  coords: Array<[number, number]>;
}

/**
 * How the team layers stay cheap with thousands of units. Labels: beyond this many markers only the
 * selected team, teams on a job, then live ones, up to the limit, are labelled (overlap still hides
 * any that collide); thousands of labels laid out on every push would stall the wall and could not be
 * read anyway. The team list and the desk name the rest.
 */
export const LABELLED_MARKERS_LIMIT = 200;

/** The ids to label, or null to label every marker. */
export function labelledTeamIds(markers: readonly MapTeamMarker[], selectedTeamId: string | null, limit = LABELLED_MARKERS_LIMIT): ReadonlySet<string> | null {
  if (markers.length <= limit) return null;
  const rank = (m: MapTeamMarker) => (m.id === selectedTeamId ? 0 : !m.stale && ACTIVE_STATUSES.includes(m.status) ? 1 : !m.stale ? 2 : 3);
  const chosen = new Set<string>();
  for (let r = 0; r <= 3 && chosen.size < limit; r++) {
    for (const m of markers) {
      if (chosen.size >= limit) break;
      if (rank(m) === r) chosen.add(m.id);
    }
  }
  return chosen;
}

/**
 * One trail series per colour (each status, and stale): the style is set once per series, not per trail.
 * (ECharts' large mode for lines was tried here: at 5,000 trails it stalled the wall for seconds.)
 */
export const TRAIL_COLOUR_KEYS = [...TEAM_STATUSES, 'stale'] as const;
export const trailSeriesId = (key: (typeof TRAIL_COLOUR_KEYS)[number]) => `trails:${key}`;

export function trailSeries(trails: readonly TrailLine[], opts: { visible: boolean; width: number; animation: boolean }): LinesSeriesOption[] {
  return TRAIL_COLOUR_KEYS.map((key) => ({
    id: trailSeriesId(key),
    type: 'lines',
    coordinateSystem: 'geo',
    polyline: true,
    silent: true,
    animation: opts.animation,
    z: 2,
    lineStyle: { color: key === 'stale' ? STALE_COLOR : STATUS_COLORS[key], width: opts.width, opacity: 0.75 },
    data: opts.visible ? trails.filter((t) => (t.stale ? key === 'stale' : !t.stale && t.status === key)).map((t) => ({ coords: t.coords })) : [],
  }));
}
