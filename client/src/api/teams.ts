import type { TeamStatus } from '@shared/enums';
import type { Fix } from '@shared/schemas/position';
import type { Team, TeamCreate, TeamUpdate } from '@shared/schemas/team';
import { http } from './http';

const teamPath = (id: string) => `/api/teams/${encodeURIComponent(id)}`;

export const teamsApi = {
  list: () => http.get<Team[]>('/api/teams'),
  create: (team: TeamCreate) => http.post<Team>('/api/teams', team),
  update: (id: string, patch: TeamUpdate) => http.patch<Team>(teamPath(id), patch),
  remove: (id: string) => http.delete(teamPath(id)),
  setStatus: (id: string, status: TeamStatus) => http.post<Team>(`${teamPath(id)}/status`, { status }),
  track: (id: string, from: number, to: number) => http.get<Fix[]>(`${teamPath(id)}/track`, { query: { from, to } }),
};
