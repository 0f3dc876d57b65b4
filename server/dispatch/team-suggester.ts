import type { Kysely } from 'kysely';
import type { TeamStatus } from '../../shared/enums';
import { ACTIVE_ASSIGNMENT_STATES } from '../../shared/schemas/dispatch';
import { distanceMetres } from '../../shared/geo';
import type { Fix } from '../../shared/schemas/position';
import { TEAM_REACH, type TeamReach, type TeamSuggestion, type TeamSuggestions } from '../../shared/schemas/team-suggestion';
import type { Database } from '../db/schema';
import { toTeam } from '../teams/team-service';

export interface SuggestQuery {
  lat: number;
  lon: number;
  limit: number;
  includeBusy: boolean;
}

const FREE_STATUSES: readonly TeamStatus[] = ['standby', 'returning'];

/** Fixes from a field tablet's browser carry this device id prefix; every other fix came from a tracker. */
const TABLET_DEVICE_PREFIX = 'browser:';

/**
 * The nearest teams to a point by straight-line distance, from each team's latest fresh position or
 * else its base. Straight-line only: across the harbour or to an island the real way is much longer,
 * which the answer says (`method`) so the desk shows it. Free teams come first, then the ones a dispatch
 * reaches at once (tablet online) before tracker-only and phone-only teams, then the nearest.
 */
export class TeamSuggester {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly latestFix: (teamId: string) => Fix | null,
    private readonly staleAfterMs: number,
    private readonly clock: () => number = Date.now,
    /** Whether a tablet of the team holds a live connection now. */
    private readonly tabletOnline: (teamId: string) => boolean = () => false,
  ) {}

  async suggest(query: SuggestQuery): Promise<TeamSuggestions> {
    const teams = (await this.db.selectFrom('teams').selectAll().execute()).map(toTeam);
    const counts = await this.db
      .selectFrom('dispatch_assignments')
      .select(['team_id', (eb) => eb.fn.countAll().as('active')])
      .where('state', 'in', [...ACTIVE_ASSIGNMENT_STATES])
      .groupBy('team_id')
      .execute();
    const activeByTeam = new Map(counts.map((c) => [c.team_id, Number(c.active)]));
    const now = this.clock();
    const trackers = await this.db
      .selectFrom('devices')
      .select('team_id')
      .distinct()
      .where('kind', '!=', 'browser')
      .where('revoked', '=', 0)
      .where('last_seen_at', '>=', new Date(now - this.staleAfterMs).toISOString())
      .execute();
    const trackerHeard = new Set(trackers.map((d) => d.team_id));
    const suggestions: TeamSuggestion[] = teams.map((team) => {
      const fix = this.latestFix(team.id);
      const fresh = fix !== null && now - fix.t <= this.staleAfterMs;
      const activeDispatches = activeByTeam.get(team.id) ?? 0;
      const reach: TeamReach = this.tabletOnline(team.id)
        ? 'tablet'
        : trackerHeard.has(team.id) || (fresh && !fix.deviceId.startsWith(TABLET_DEVICE_PREFIX))
          ? 'tracker'
          : 'phone';
      return {
        team,
        distanceMetres: Math.round(distanceMetres(fresh ? fix : team.base, query)),
        from: fresh ? 'position' : 'base',
        positionAt: fresh ? new Date(fix.t).toISOString() : null,
        available: FREE_STATUSES.includes(team.status) && activeDispatches === 0,
        activeDispatches,
        reach,
      };
    });
    const ranked = suggestions
      .filter((s) => query.includeBusy || s.available)
      .sort((a, b) => Number(b.available) - Number(a.available) || TEAM_REACH.indexOf(a.reach) - TEAM_REACH.indexOf(b.reach) || a.distanceMetres - b.distanceMetres);
    return { method: 'straight_line', teams: ranked.slice(0, query.limit) };
  }
}
