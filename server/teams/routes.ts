import { Router } from 'express';
import { actorOf } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { TeamService } from './team-service';

export function teamRoutes(sessions: SessionService, teams: TeamService): Router {
  const router = Router();
  const anyone = requireRole(sessions);
  const admin = requireRole(sessions, 'admin');
  const staffOrField = requireRole(sessions, 'admin', 'commander', 'duty_officer', 'field');

  router.get('/teams', anyone, handle((req) => teams.list(principalOf(req))));
  router.post('/teams', admin, handle((req) => teams.create(req.body, actorOf(principalOf(req)))));
  router.patch('/teams/:id', admin, handle((req) => teams.update(String(req.params.id), req.body, actorOf(principalOf(req)))));
  router.delete('/teams/:id', admin, handle((req) => teams.remove(String(req.params.id), actorOf(principalOf(req)))));
  router.post(
    '/teams/:id/status',
    staffOrField,
    handle((req) => {
      const principal = principalOf(req);
      return teams.setStatus(String(req.params.id), req.body, principal, actorOf(principal));
    }),
  );
  return router;
}
