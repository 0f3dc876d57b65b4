import { z } from 'zod';
import {
  CsvFileSchema,
  DepotCreateSchema,
  DepotSchema,
  DepotUpdateSchema,
  LedgerEntrySchema,
  LedgerQuerySchema,
  StockLevelSchema,
  StockMovementCreateSchema,
  StockThresholdSchema,
  StocktakeSchema,
  SupplyCsvImportQuerySchema,
  SupplyCsvImportResultSchema,
  SupplyItemCreateSchema,
  SupplyItemSchema,
  SupplyItemUpdateSchema,
} from '../schemas/supply';
import { SupplyRunArriveSchema, SupplyRunCancelSchema, SupplyRunCreateSchema, SupplyRunDepartSchema, SupplyRunQuerySchema, SupplyRunSchema } from '../schemas/supply-run';
import { DownloadSchema, defineRoute } from './route';

/** Admins keep depots and the catalogue; the duty desk records movements and runs; admin and commander set minimums; the board reads. */
export const SUPPLY_ROUTES = {
  depots: defineRoute({ method: 'GET', path: '/depots', answer: z.array(DepotSchema), allow: 'watchBoard' }),
  createDepot: defineRoute({ method: 'POST', path: '/depots', body: DepotCreateSchema, answer: DepotSchema, allow: 'administer' }),
  updateDepot: defineRoute({ method: 'PATCH', path: '/depots/:id', body: DepotUpdateSchema, answer: DepotSchema, allow: 'administer' }),
  items: defineRoute({ method: 'GET', path: '/supply-items', answer: z.array(SupplyItemSchema), allow: 'watchBoard' }),
  createItem: defineRoute({ method: 'POST', path: '/supply-items', body: SupplyItemCreateSchema, answer: SupplyItemSchema, allow: 'administer' }),
  updateItem: defineRoute({ method: 'PATCH', path: '/supply-items/:id', body: SupplyItemUpdateSchema, answer: SupplyItemSchema, allow: 'administer' }),
  levels: defineRoute({ method: 'GET', path: '/stock', answer: z.array(StockLevelSchema), allow: 'watchBoard' }),
  ledger: defineRoute({ method: 'GET', path: '/stock/ledger', query: LedgerQuerySchema, answer: z.array(LedgerEntrySchema), allow: 'watchBoard' }),
  move: defineRoute({ method: 'POST', path: '/stock/movements', body: StockMovementCreateSchema, answer: z.array(StockLevelSchema), allow: 'desk' }),
  stocktake: defineRoute({ method: 'POST', path: '/stock/stocktakes', body: StocktakeSchema, answer: StockLevelSchema, allow: 'desk' }),
  setThreshold: defineRoute({ method: 'PUT', path: '/stock/:depotId/:itemId/threshold', body: StockThresholdSchema, answer: StockLevelSchema, allow: 'plan' }),
};

export const SUPPLY_RUN_ROUTES = {
  list: defineRoute({ method: 'GET', path: '/supply-runs', query: SupplyRunQuerySchema, answer: z.array(SupplyRunSchema), allow: 'watchBoard' }),
  allocate: defineRoute({ method: 'POST', path: '/supply-runs', body: SupplyRunCreateSchema, answer: SupplyRunSchema, allow: 'desk' }),
  get: defineRoute({ method: 'GET', path: '/supply-runs/:id', answer: SupplyRunSchema, allow: 'watchBoard' }),
  depart: defineRoute({ method: 'POST', path: '/supply-runs/:id/depart', body: SupplyRunDepartSchema, answer: SupplyRunSchema, allow: 'desk' }),
  arrive: defineRoute({ method: 'POST', path: '/supply-runs/:id/arrive', body: SupplyRunArriveSchema, answer: SupplyRunSchema, allow: 'desk' }),
  cancel: defineRoute({ method: 'POST', path: '/supply-runs/:id/cancel', body: SupplyRunCancelSchema, answer: SupplyRunSchema, allow: 'desk' }),
};

/** The types a spreadsheet program or a browser may give a CSV file. */
const CSV_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

/**
 * `:kind` is depots, items or stock (a `.csv` suffix is fine). Export: UTF-8 with a BOM, so Excel opens it.
 * Import: the file's own bytes, up to 5 MB; depots and the catalogue are admin data, stock counts may also
 * come from the commander (the route narrows `plan` by kind).
 */
export const SUPPLY_CSV_ROUTES = {
  export: defineRoute({ method: 'GET', path: '/supplies/csv/:kind', answer: DownloadSchema, allow: 'staff', download: { contentType: 'text/csv; charset=utf-8' } }),
  import: defineRoute({
    method: 'POST',
    path: '/supplies/csv/:kind',
    query: SupplyCsvImportQuerySchema,
    body: CsvFileSchema,
    answer: SupplyCsvImportResultSchema,
    allow: 'plan',
    raw: { types: CSV_TYPES, limit: '5mb' },
  }),
};
