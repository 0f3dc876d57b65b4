import type { TeamStatus } from '@shared/enums';
import { POSITION_ROUTES } from '@shared/routes/positions';
import { TEAM_ROUTES } from '@shared/routes/teams';
import type { TeamCreate, TeamUpdate } from '@shared/schemas/team';
import { callRoute } from '../../shell/api/routeClient';

export const teamsApi = {
  list: () => callRoute(TEAM_ROUTES.list, {}),
  create: (team: TeamCreate) => callRoute(TEAM_ROUTES.create, { body: team }),
  update: (id: string, patch: TeamUpdate) => callRoute(TEAM_ROUTES.update, { params: { id }, body: patch }),
  remove: (id: string) => callRoute(TEAM_ROUTES.remove, { params: { id } }),
  setStatus: (id: string, status: TeamStatus) => callRoute(TEAM_ROUTES.setStatus, { params: { id }, body: { status } }),
  track: (id: string, from: number, to: number) => callRoute(POSITION_ROUTES.track, { params: { id }, query: { from, to } }),
};
