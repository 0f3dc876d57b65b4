import { TEAM_STATUSES, type TeamStatus } from '@shared/enums';
import type { MapTeamMarker } from '../../env';
import { ACTIVE_STATUSES } from '../teams/statusColors';

/** A trail's points, oldest first, as the positions store keeps them (read in place, never copied). */
export interface TrailPath {
  readonly length: number;
  lon(i: number): number;
  lat(i: number): number;
  /** The point's time (epoch ms), ascending along the path. */
  t(i: number): number;
}

/** A team's recent trail, one polyline in its status colour. */
export interface TrailLine {
  teamId: string;
  status: TeamStatus;
  stale: boolean;
  path: TrailPath;
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

/** The trails' colours, in drawing order: each status, and stale (trailCanvas.ts draws one stroke per colour). */
export const TRAIL_COLOUR_KEYS = [...TEAM_STATUSES, 'stale'] as const;
