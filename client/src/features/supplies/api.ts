import { fillPath } from '@shared/routes/route';
import { SUPPLY_CSV_ROUTES, SUPPLY_ROUTES, SUPPLY_RUN_ROUTES } from '@shared/routes/supplies';
import type { CsvEncoding, DepotCreate, DepotPatch, StockMovement, Stocktake, SupplyCsvKind, SupplyItemCreate, SupplyItemPatch } from '@shared/schemas/supply';
import type { SupplyRunCreate } from '@shared/schemas/supply-run';
import { downloadFile } from '../../shell/api/http';
import { callRoute } from '../../shell/api/routeClient';


/** Depots, the catalogue, stock movements and supply runs (HTTP); the events that follow are authoritative. */
export const suppliesApi = {
  createDepot: (input: DepotCreate) => callRoute(SUPPLY_ROUTES.createDepot, { body: input }),
  updateDepot: (id: string, patch: DepotPatch) => callRoute(SUPPLY_ROUTES.updateDepot, { params: { id }, body: patch }),
  createItem: (input: SupplyItemCreate) => callRoute(SUPPLY_ROUTES.createItem, { body: input }),
  updateItem: (id: string, patch: SupplyItemPatch) => callRoute(SUPPLY_ROUTES.updateItem, { params: { id }, body: patch }),

  ledger: (filter: { depotId?: string; itemId?: string; runId?: string } = {}) => callRoute(SUPPLY_ROUTES.ledger, { query: filter }),
  move: (movement: StockMovement) => callRoute(SUPPLY_ROUTES.move, { body: movement }),
  /** One item's counted quantity; the level it leaves (unchanged when it matches the book). */
  stocktake: (input: Stocktake) => callRoute(SUPPLY_ROUTES.stocktake, { body: input }),
  setThreshold: (depotId: string, itemId: string, minLevel: number) => callRoute(SUPPLY_ROUTES.setThreshold, { params: { depotId, itemId }, body: { minLevel } }),

  runs: () => callRoute(SUPPLY_RUN_ROUTES.list, {}),
  allocateRun: (input: SupplyRunCreate) => callRoute(SUPPLY_RUN_ROUTES.allocate, { body: input }),
  departRun: (id: string, eta: string, vehicle?: string) => callRoute(SUPPLY_RUN_ROUTES.depart, { params: { id }, body: { eta, ...(vehicle ? { vehicle } : {}) } }),
  arriveRun: (id: string, note = '') => callRoute(SUPPLY_RUN_ROUTES.arrive, { params: { id }, body: { note } }),
  cancelRun: (id: string, reason: string) => callRoute(SUPPLY_RUN_ROUTES.cancel, { params: { id }, body: { reason } }),

  /** UTF-8 with a BOM, so Excel opens it. */
  exportCsv: (kind: SupplyCsvKind) => downloadFile(`/api${fillPath(SUPPLY_CSV_ROUTES.export.path, { kind: `${kind}.csv` })}`),
  /** All or nothing: a file with a bad row is refused with every problem by line (VALIDATION_FAILED details). */
  importCsv: async (kind: SupplyCsvKind, file: Blob, encoding?: CsvEncoding) =>
    callRoute(SUPPLY_CSV_ROUTES.import, { params: { kind }, query: { encoding }, body: new Uint8Array(await file.arrayBuffer()) }),
};
