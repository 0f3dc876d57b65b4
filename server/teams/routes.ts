import type { Router } from 'express';
import { TEAM_ROUTES } from '../../shared/routes/teams';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { TeamService } from './team-service';

export function teamRoutes(sessions: Authenticator, teams: TeamService): Router {
  return contractRouter(sessions, TEAM_ROUTES, {
    list: ({ principal }) => teams.list(principal),
    create: ({ body, actor }) => teams.create(body, actor),
    update: ({ params, body, actor }) => teams.update(params.id, body, actor),
    remove: async ({ params, actor }) => (await teams.remove(params.id, actor), null),
    setStatus: ({ params, body, principal, actor }) => teams.setStatus(params.id, body, principal, actor),
  });
}
