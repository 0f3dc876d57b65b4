import { z } from 'zod';
import { TeamCreateSchema, TeamSchema, TeamStatusChangeSchema, TeamUpdateSchema } from '../schemas/team';
import { defineRoute, NoAnswer } from './route';

/** The team registry (admins keep it); a status change comes from the desk or the team's own tablet. */
export const TEAM_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/teams', answer: z.array(TeamSchema), allow: 'signedIn' }),
  create: defineRoute({ method: 'POST', path: '/teams', body: TeamCreateSchema, answer: TeamSchema, allow: 'administer' }),
  update: defineRoute({ method: 'PATCH', path: '/teams/:id', body: TeamUpdateSchema, answer: TeamSchema, allow: 'administer' }),
  remove: defineRoute({ method: 'DELETE', path: '/teams/:id', answer: NoAnswer, allow: 'administer' }),
  setStatus: defineRoute({ method: 'POST', path: '/teams/:id/status', body: TeamStatusChangeSchema, answer: TeamSchema, allow: 'staffOrOwnTeam' }),
};
