import type { LatestPosition } from '@shared/schemas/position';
import type { MapTeamMarker } from '../../env';
import type { DispatchTarget } from '../dispatches/dispatchModel';
import type { DispatchLine } from './dispatchSeries';
import type { TrailLine, TrailPath } from './denseLayers';

/**
 * Each team's recent trail (two fixes at least), in its marker's status and staleness. The lines refer to
 * the stored trails rather than copying them: a copy of 5,000 trails every two seconds was held beside the
 * store's own and left as much again to collect on every redraw.
 */
export function trailLinesOf(markers: readonly MapTeamMarker[], trailOf: (teamId: string) => TrailPath): TrailLine[] {
  const lines: TrailLine[] = [];
  for (const m of markers) {
    const path = trailOf(m.id);
    if (path.length < 2) continue;
    lines.push({ teamId: m.id, status: m.status, stale: m.stale, path });
  }
  return lines;
}

/** A line from each sent team's marker to its destination. */
export function dispatchLinesOf(markers: readonly MapTeamMarker[], targets: readonly DispatchTarget[]): DispatchLine[] {
  const byTeam = new Map(markers.map((m) => [m.id, m]));
  const lines: DispatchLine[] = [];
  for (const target of targets) {
    const m = byTeam.get(target.teamId);
    if (!m) continue;
    lines.push({ dispatchId: target.dispatchId, teamId: target.teamId, state: target.state, priority: target.priority, from: [m.lon, m.lat], to: [target.lon, target.lat], label: target.label });
  }
  return lines;
}

/** `t` of the newest fix among the drawn markers (null when none has one). */
export function newestFixOf(drawn: readonly MapTeamMarker[], latestOf: (teamId: string) => LatestPosition | undefined): number | null {
  let newest: number | null = null;
  for (const m of drawn) {
    const t = latestOf(m.id)?.t;
    if (t !== undefined && (newest === null || t > newest)) newest = t;
  }
  return newest;
}
