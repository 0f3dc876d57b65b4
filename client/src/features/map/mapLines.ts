import type { LatestPosition } from '@shared/schemas/position';
import type { MapTeamMarker } from '../../env';
import type { DispatchTarget } from '../dispatches/dispatchModel';
import type { DispatchLine } from './dispatchSeries';
import type { TrailLine } from './denseLayers';

/** Each team's recent trail (two fixes at least), in its marker's status and staleness. */
export function trailLinesOf(markers: readonly MapTeamMarker[], trailOf: (teamId: string) => ReadonlyArray<readonly number[]>): TrailLine[] {
  const lines: TrailLine[] = [];
  for (const m of markers) {
    const trail = trailOf(m.id);
    if (trail.length < 2) continue;
    lines.push({ teamId: m.id, status: m.status, stale: m.stale, coords: trail.map((p) => [p[0]!, p[1]!] as [number, number]) });
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
