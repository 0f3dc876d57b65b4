import { distanceMetres, type Point } from '@shared/geo';
import type { TeamStatus } from '@shared/enums';
import type { Team } from '@shared/schemas/team';

export interface RankedTeam {
  team: Team;
  /** Straight-line metres from the team's last position (its base when it has none) to the destination. */
  metres: number;
  available: boolean;
}

const AVAILABLE: readonly TeamStatus[] = ['standby', 'returning'];

/** Teams to hand a dispatch to: free teams first, then nearest first, the team being replaced left out. */
export function rankTeamsForReassign(teams: readonly Team[], excludeTeamId: string, destination: Point, positionOf: (teamId: string) => Point | undefined): RankedTeam[] {
  return teams
    .filter((team) => team.id !== excludeTeamId && team.status !== 'off_duty')
    .map((team) => ({ team, metres: distanceMetres(positionOf(team.id) ?? team.base, destination), available: AVAILABLE.includes(team.status) }))
    .sort((a, b) => Number(b.available) - Number(a.available) || a.metres - b.metres);
}
