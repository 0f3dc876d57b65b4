import { Router } from 'express';
import { EVACUATION_ROUTES, SHELTER_ROUTES } from '../../shared/routes/shelters';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { EvacuationService } from './evacuation-service';
import type { ShelterService } from './shelter-service';

export function shelterRoutes(sessions: Authenticator, shelters: ShelterService, evacuation: EvacuationService): Router {
  const router = Router();
  router.use(
    contractRouter(sessions, SHELTER_ROUTES, {
      list: () => shelters.list(),
      create: ({ body, actor }) => shelters.create(body, actor),
      get: ({ params }) => shelters.get(params.id),
      update: ({ params, body, actor }) => shelters.update(params.id, body, actor),
      setStatus: ({ params, body, actor }) => shelters.setStatus(params.id, body, actor),
      movements: ({ params }) => shelters.movements(params.id),
      move: ({ params, body, actor }) => shelters.recordMovement(params.id, body, actor),
    }),
  );
  router.use(
    contractRouter(sessions, EVACUATION_ROUTES, {
      totals: () => evacuation.totals(),
      reports: () => evacuation.reports(),
      report: ({ body, actor }) => evacuation.report(body, actor),
    }),
  );
  return router;
}
