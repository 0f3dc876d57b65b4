import type { LatestPosition } from '@shared/schemas/position';
import type { Team } from '@shared/schemas/team';
import type { MapTeamMarker } from '../../env';
import { isSilent, isStale } from '../positions/staleness';

/**
 * Where and how each team is drawn: at its last fix, or at its base when it never reported.
 * A team is stale when its newest fix is older than `staleAfterSeconds` (or it has none).
 * `sos` holds the teams with an open SOS and its state.
 */
export function buildMarkers(
  teams: readonly Team[],
  latestOf: (teamId: string) => LatestPosition | undefined,
  now: number,
  staleAfterSeconds: number,
  sos: ReadonlyMap<string, 'raised' | 'acknowledged'> = new Map(),
): MapTeamMarker[] {
  return teams.map((team) => {
    const fix = latestOf(team.id);
    return {
      id: team.id,
      name: team.name,
      lat: fix ? fix.lat : team.base.lat,
      lon: fix ? fix.lon : team.base.lon,
      stale: isStale(fix?.t, now, staleAfterSeconds),
      heard: !isSilent(fix, now, staleAfterSeconds),
      status: team.status,
      source: fix ? 'fix' : 'base',
      sos: sos.get(team.id) ?? null,
    };
  });
}

/**
 * A cheap fingerprint of what the clock or an alarm changes on the markers (staleness, heard, SOS), so
 * the per-second re-check redraws only when one changed. Moves are announced by the positions store.
 */
export function markersSignature(markers: readonly MapTeamMarker[]): string {
  return markers.map((m) => `${m.stale ? 1 : 0}${m.heard ? 1 : 0}${m.sos ?? ''}`).join('|');
}
