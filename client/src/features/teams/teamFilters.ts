import type { TeamKind, TeamStatus } from '@shared/enums';
import type { Team } from '@shared/schemas/team';

export interface TeamFilter {
  kind: TeamKind | '';
  status: TeamStatus | '';
  search: string;
}

export const EMPTY_FILTER: TeamFilter = { kind: '', status: '', search: '' };

export function filterTeams(teams: readonly Team[], f: TeamFilter): Team[] {
  const q = f.search.trim().toLowerCase();
  return teams.filter(
    (t) => (!f.kind || t.kind === f.kind) && (!f.status || t.status === f.status) && (!q || t.name.toLowerCase().includes(q)),
  );
}

export function countByStatus(teams: readonly Team[]): Record<TeamStatus, number> {
  const counts: Record<TeamStatus, number> = { standby: 0, dispatched: 0, en_route: 0, on_scene: 0, returning: 0, off_duty: 0 };
  for (const t of teams) counts[t.status]++;
  return counts;
}
