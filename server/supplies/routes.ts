import { Router } from 'express';
import { SUPPLY_ROUTES, SUPPLY_RUN_ROUTES } from '../../shared/routes/supplies';
import { contractRouter, type Authenticator } from '../http/contract-router';
import type { DepotService } from './depot-service';
import type { StockService } from './stock-service';
import type { SupplyItemService } from './supply-item-service';
import type { SupplyRunService } from './supply-run-service';

export interface SupplyRouteDeps {
  sessions: Authenticator;
  depots: DepotService;
  items: SupplyItemService;
  stock: StockService;
  runs: SupplyRunService;
}

export function supplyRoutes({ sessions, depots, items, stock, runs }: SupplyRouteDeps): Router {
  const router = Router();
  router.use(
    contractRouter(sessions, SUPPLY_ROUTES, {
      depots: () => depots.list(),
      createDepot: ({ body, actor }) => depots.create(body, actor),
      updateDepot: ({ params, body, actor }) => depots.update(params.id, body, actor),
      items: () => items.list(),
      createItem: ({ body, actor }) => items.create(body, actor),
      updateItem: ({ params, body, actor }) => items.update(params.id, body, actor),
      levels: () => stock.levels(),
      ledger: ({ query }) => stock.entries(query),
      move: ({ body, actor }) => stock.move(body, actor),
      stocktake: ({ body, actor }) => stock.stocktake(body, actor),
      setThreshold: ({ params, body, actor }) => stock.setThreshold(params.depotId, params.itemId, body, actor),
    }),
  );
  router.use(
    contractRouter(sessions, SUPPLY_RUN_ROUTES, {
      list: ({ query }) => runs.list(query),
      allocate: ({ body, actor }) => runs.allocate(body, actor),
      get: ({ params }) => runs.get(params.id),
      depart: ({ params, body, actor }) => runs.depart(params.id, body, actor),
      arrive: ({ params, body, actor }) => runs.arrive(params.id, body, actor),
      cancel: ({ params, body, actor }) => runs.cancel(params.id, body, actor),
    }),
  );
  return router;
}
