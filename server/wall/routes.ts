import { Router } from 'express';
import { actorOf } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { WallLayoutService } from './wall-layout-service';

export function wallRoutes(sessions: SessionService, layouts: WallLayoutService): Router {
  const router = Router();
  router.get('/wall-layout', requireRole(sessions, 'admin', 'commander', 'duty_officer', 'wall'), handle(() => layouts.get()));
  router.put(
    '/wall-layout',
    requireRole(sessions, 'admin', 'commander', 'duty_officer'),
    handle((req) => layouts.set(req.body, actorOf(principalOf(req)))),
  );
  return router;
}
