import {
  DepotCreateSchema,
  DepotUpdateSchema,
  LedgerQuerySchema,
  StockMovementCreateSchema,
  StockThresholdSchema,
  StocktakeSchema,
  SupplyItemCreateSchema,
  SupplyItemUpdateSchema,
} from '../../shared/schemas/supply';
import { SupplyRunArriveSchema, SupplyRunCancelSchema, SupplyRunCreateSchema, SupplyRunDepartSchema, SupplyRunQuerySchema } from '../../shared/schemas/supply-run';
import type { HttpTarget } from './targets';

/**
 * The routes still written by hand in Express (auth/users, devices, cameras, supplies, ingest), with the shared
 * schemas their services parse. When a domain moves to a contract in shared/routes, delete its lines here:
 * the fuzz then derives them from ROUTE_TABLES (targets.test.ts fails while a route is listed twice).
 * Left out on purpose: POST /auth/logout (it would end the fuzzing role's own session) and the CSV imports
 * (text bodies, fuzzed by their own tests).
 */
export const HAND_WRITTEN_ROUTES: HttpTarget[] = [
  { method: 'POST', path: '/api/depots', body: DepotCreateSchema },
  { method: 'PATCH', path: '/api/depots/:id', body: DepotUpdateSchema },
  { method: 'POST', path: '/api/supply-items', body: SupplyItemCreateSchema },
  { method: 'PATCH', path: '/api/supply-items/:id', body: SupplyItemUpdateSchema },
  { method: 'GET', path: '/api/stock/ledger', query: LedgerQuerySchema },
  { method: 'POST', path: '/api/stock/movements', body: StockMovementCreateSchema },
  { method: 'POST', path: '/api/stock/stocktakes', body: StocktakeSchema },
  { method: 'PUT', path: '/api/stock/:depotId/:itemId/threshold', body: StockThresholdSchema },
  { method: 'GET', path: '/api/supply-runs', query: SupplyRunQuerySchema },
  { method: 'POST', path: '/api/supply-runs', body: SupplyRunCreateSchema },
  { method: 'GET', path: '/api/supply-runs/:id' },
  { method: 'POST', path: '/api/supply-runs/:id/depart', body: SupplyRunDepartSchema },
  { method: 'POST', path: '/api/supply-runs/:id/arrive', body: SupplyRunArriveSchema },
  { method: 'POST', path: '/api/supply-runs/:id/cancel', body: SupplyRunCancelSchema },
  // Trackers sign in with device credentials, not a session; their bodies are parsed in server/ingest.
  { method: 'POST', path: '/ingest/osmand' },
  { method: 'POST', path: '/ingest/owntracks' },
];
