import { Router, type Request } from 'express';
import { actorOf } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { DutyLogService } from './duty-log-service';
import type { HandoverService } from './handover-service';
import type { RosterService } from './roster-service';

/**
 * Who is on watch is for every signed-in screen (its header shows it); the roster is kept by admins and
 * commanders; handovers are written and acknowledged by shift leaders; the duty desk keeps the log.
 */
export function dutyRoutes(sessions: SessionService, roster: RosterService, handovers: HandoverService, log: DutyLogService): Router {
  const router = Router();
  const board = requireRole(sessions, 'admin', 'commander', 'duty_officer', 'wall');
  const desk = requireRole(sessions, 'commander', 'duty_officer');
  const planners = requireRole(sessions, 'admin', 'commander');
  const actor = (req: Request) => actorOf(principalOf(req));

  router.get('/duty/now', requireRole(sessions), handle(() => roster.onWatch()));
  router.get('/duty/shifts', board, handle((req) => roster.list(req.query)));
  router.get('/duty/members', planners, handle(() => roster.candidates()));
  router.post('/duty/shifts', planners, handle((req) => roster.create(req.body, actor(req))));
  router.patch('/duty/shifts/:id', planners, handle((req) => roster.update(String(req.params.id), req.body, actor(req))));
  router.delete('/duty/shifts/:id', planners, handle((req) => roster.remove(String(req.params.id), actor(req))));

  router.get('/duty/handovers', board, handle(() => handovers.list()));
  router.post('/duty/handovers', desk, handle((req) => handovers.write(req.body, principalOf(req), actor(req))));
  router.post('/duty/handovers/:id/acknowledge', desk, handle((req) => handovers.acknowledge(String(req.params.id), principalOf(req), actor(req))));

  router.get('/duty/log', board, handle((req) => log.list(req.query)));
  router.post('/duty/log', desk, handle((req) => log.add(req.body, actor(req))));
  return router;
}
