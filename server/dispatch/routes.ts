import { Router } from 'express';
import { BOARD_ROLES, STAFF_ROLES } from '../../shared/enums';
import { DispatchListQuerySchema } from '../../shared/schemas/dispatch';
import { TeamSuggestionQuerySchema } from '../../shared/schemas/team-suggestion';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import { parseInput } from '../validation';
import type { DispatchReader } from './dispatch-reader';
import type { DispatchService } from './dispatch-service';
import type { SosService } from './sos-service';
import type { TeamSuggester } from './team-suggester';

export interface DispatchRouteDeps {
  sessions: SessionService;
  dispatches: DispatchService;
  reader: DispatchReader;
  suggester: TeamSuggester;
  sos: SosService;
}

/**
 * The desk's dispatch API. Reads: the board (wall included) and field tablets (own team only). Writes:
 * the desk roles; tablets step through their socket requests instead.
 */
export function dispatchRoutes({ sessions, dispatches, reader, suggester, sos }: DispatchRouteDeps): Router {
  const router = Router();
  const readers = requireRole(sessions, ...BOARD_ROLES, 'field');
  const desk = requireRole(sessions, ...STAFF_ROLES);

  router.get('/dispatches', readers, handle((req) => reader.list(parseInput(DispatchListQuerySchema, req.query), principalOf(req))));
  router.get('/dispatches/suggestions', desk, handle((req) => suggester.suggest(parseInput(TeamSuggestionQuerySchema, req.query))));
  router.get('/dispatches/:id', readers, handle((req) => reader.detail(String(req.params.id), principalOf(req))));
  router.post('/dispatches', desk, handle((req) => dispatches.create(req.body, principalOf(req))));
  router.post('/dispatches/:id/steps', desk, handle((req) => dispatches.recordOnBehalf(String(req.params.id), req.body, principalOf(req))));
  router.post('/dispatches/:id/cancel', desk, handle((req) => dispatches.cancel(String(req.params.id), req.body, principalOf(req))));
  router.post('/dispatches/:id/reassign', desk, handle((req) => dispatches.reassign(String(req.params.id), req.body, principalOf(req))));
  router.post('/teams/:id/sos/resolve', desk, handle((req) => sos.resolve(String(req.params.id), principalOf(req))));
  return router;
}
