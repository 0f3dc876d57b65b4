import { Router, type Request } from 'express';
import { actorOf } from '../auth/principal';
import type { SessionService } from '../auth/session-service';
import { principalOf, requireRole } from '../http/auth-middleware';
import { handle } from '../http/respond';
import type { DepotService } from './depot-service';
import type { StockService } from './stock-service';
import type { SupplyItemService } from './supply-item-service';
import type { SupplyRunService } from './supply-run-service';

export interface SupplyRouteDeps {
  sessions: SessionService;
  depots: DepotService;
  items: SupplyItemService;
  stock: StockService;
  runs: SupplyRunService;
}

/** Admins keep depots and the catalogue; the duty desk (commander, duty officer) records movements; the board reads. */
export function supplyRoutes({ sessions, depots, items, stock, runs }: SupplyRouteDeps): Router {
  const router = Router();
  const board = requireRole(sessions, 'admin', 'commander', 'duty_officer', 'wall');
  const desk = requireRole(sessions, 'commander', 'duty_officer');
  const admin = requireRole(sessions, 'admin');
  const actor = (req: Request) => actorOf(principalOf(req));
  const param = (req: Request, name: string) => String(req.params[name]);

  router.get('/depots', board, handle(() => depots.list()));
  router.post('/depots', admin, handle((req) => depots.create(req.body, actor(req))));
  router.patch('/depots/:id', admin, handle((req) => depots.update(param(req, 'id'), req.body, actor(req))));

  router.get('/supply-items', board, handle(() => items.list()));
  router.post('/supply-items', admin, handle((req) => items.create(req.body, actor(req))));
  router.patch('/supply-items/:id', admin, handle((req) => items.update(param(req, 'id'), req.body, actor(req))));

  router.get('/stock', board, handle(() => stock.levels()));
  router.get('/stock/ledger', board, handle((req) => stock.entries(req.query)));
  router.post('/stock/movements', desk, handle((req) => stock.move(req.body, actor(req))));
  router.post('/stock/stocktakes', desk, handle((req) => stock.stocktake(req.body, actor(req))));
  router.put('/stock/:depotId/:itemId/threshold', requireRole(sessions, 'admin', 'commander'), handle((req) => stock.setThreshold(param(req, 'depotId'), param(req, 'itemId'), req.body, actor(req))));

  router.get('/supply-runs', board, handle((req) => runs.list(req.query)));
  router.post('/supply-runs', desk, handle((req) => runs.allocate(req.body, actor(req))));
  router.get('/supply-runs/:id', board, handle((req) => runs.get(param(req, 'id'))));
  router.post('/supply-runs/:id/depart', desk, handle((req) => runs.depart(param(req, 'id'), req.body, actor(req))));
  router.post('/supply-runs/:id/arrive', desk, handle((req) => runs.arrive(param(req, 'id'), req.body, actor(req))));
  router.post('/supply-runs/:id/cancel', desk, handle((req) => runs.cancel(param(req, 'id'), req.body, actor(req))));
  return router;
}
