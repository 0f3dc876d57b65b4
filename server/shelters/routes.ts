import { Router, type Request } from 'express';
import { actorOf } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { EvacuationService } from './evacuation-service';
import type { ShelterService } from './shelter-service';

/** Admins keep the registry; the duty desk opens, closes and checks people in and out; the board reads. */
export function shelterRoutes(sessions: SessionService, shelters: ShelterService, evacuation: EvacuationService): Router {
  const router = Router();
  const board = requireRole(sessions, 'admin', 'commander', 'duty_officer', 'wall');
  const desk = requireRole(sessions, 'commander', 'duty_officer');
  const admin = requireRole(sessions, 'admin');
  const actor = (req: Request) => actorOf(principalOf(req));
  const id = (req: Request) => String(req.params.id);

  router.get('/shelters', board, handle(() => shelters.list()));
  router.post('/shelters', admin, handle((req) => shelters.create(req.body, actor(req))));
  router.get('/shelters/:id', board, handle((req) => shelters.get(id(req))));
  router.patch('/shelters/:id', admin, handle((req) => shelters.update(id(req), req.body, actor(req))));
  router.post('/shelters/:id/status', desk, handle((req) => shelters.setStatus(id(req), req.body, actor(req))));
  router.get('/shelters/:id/movements', board, handle((req) => shelters.movements(id(req))));
  router.post('/shelters/:id/movements', desk, handle((req) => shelters.recordMovement(id(req), req.body, actor(req))));

  router.get('/evacuation', board, handle(() => evacuation.totals()));
  router.get('/evacuation/reports', board, handle(() => evacuation.reports()));
  router.post('/evacuation/reports', desk, handle((req) => evacuation.report(req.body, actor(req))));
  return router;
}
