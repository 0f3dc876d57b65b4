import type { Kysely } from 'kysely';
import type { TeamStatus } from '../../shared/enums';
import { ACTIVE_ASSIGNMENT_STATES } from '../../shared/schemas/dispatch';
import { distanceMetres } from '../../shared/geo';
import type { Fix } from '../../shared/schemas/position';
import type { TeamSuggestion, TeamSuggestions } from '../../shared/schemas/team-suggestion';
import type { Database } from '../db/schema';
import { toTeam } from '../teams/team-service';

export interface SuggestQuery {
  lat: number;
  lon: number;
  limit: number;
  includeBusy: boolean;
}

const FREE_STATUSES: readonly TeamStatus[] = ['standby', 'returning'];

/**
 * The nearest teams to a point by straight-line distance, from each team's latest fresh position or
 * else its base. Straight-line only: across the harbour or to an island the real way is much longer,
 * which the answer says (`method`) so the desk shows it.
 */
export class TeamSuggester {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly latestFix: (teamId: string) => Fix | null,
    private readonly staleAfterMs: number,
    private readonly clock: () => number = Date.now,
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
    const suggestions: TeamSuggestion[] = teams.map((team) => {
      const fix = this.latestFix(team.id);
      const fresh = fix !== null && now - fix.t <= this.staleAfterMs;
      const activeDispatches = activeByTeam.get(team.id) ?? 0;
      return {
        team,
        distanceMetres: Math.round(distanceMetres(fresh ? fix : team.base, query)),
        from: fresh ? 'position' : 'base',
        positionAt: fresh ? new Date(fix.t).toISOString() : null,
        available: FREE_STATUSES.includes(team.status) && activeDispatches === 0,
        activeDispatches,
      };
    });
    const ranked = suggestions
      .filter((s) => query.includeBusy || s.available)
      .sort((a, b) => Number(b.available) - Number(a.available) || a.distanceMetres - b.distanceMetres);
    return { method: 'straight_line', teams: ranked.slice(0, query.limit) };
  }
}
