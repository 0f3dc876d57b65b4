import { Router } from 'express';
import { actorOf } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { AlarmService } from './alarm-service';

export function alarmRoutes(sessions: SessionService, alarms: AlarmService): Router {
  const router = Router();
  router.get('/alarms', requireRole(sessions, 'admin', 'commander', 'duty_officer', 'wall'), handle(() => alarms.listOpen()));
  router.post(
    '/alarms/:id/acknowledge',
    requireRole(sessions, 'admin', 'commander', 'duty_officer'),
    handle((req) => alarms.acknowledge(String(req.params.id), actorOf(principalOf(req)))),
  );
  return router;
}
