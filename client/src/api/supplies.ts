import type { Depot, DepotCreate, LedgerEntry, StockLevel, Stocktake, SupplyCsvImportResult, SupplyCsvKind, SupplyItem, SupplyItemCreate, SupplyLine } from '@shared/schemas/supply';
import type { SupplyRun, SupplyRunCreate } from '@shared/schemas/supply-run';
import { downloadFile, http } from './http';

const seg = encodeURIComponent;
const runPath = (id: string, action: string) => `/api/supply-runs/${seg(id)}/${action}`;

export type DepotFields = Omit<DepotCreate, 'id'>;
export type SupplyItemFields = Omit<SupplyItemCreate, 'id'>;
export interface StockMovement {
  kind: 'receipt' | 'issue';
  depotId: string;
  lines: SupplyLine[];
  reason: string;
}
/** How to read an uploaded CSV; without one the server tells UTF-8 from GB18030 itself. */
export type CsvEncoding = 'utf-8' | 'gb18030';

/** Depots, the catalogue, stock movements and supply runs (HTTP); the events that follow are authoritative. */
export const suppliesApi = {
  createDepot: (input: DepotCreate) => http.post<Depot>('/api/depots', input),
  updateDepot: (id: string, patch: Partial<DepotFields>) => http.patch<Depot>(`/api/depots/${seg(id)}`, patch),
  createItem: (input: SupplyItemCreate) => http.post<SupplyItem>('/api/supply-items', input),
  updateItem: (id: string, patch: Partial<SupplyItemFields>) => http.patch<SupplyItem>(`/api/supply-items/${seg(id)}`, patch),

  ledger: (filter: { depotId?: string; itemId?: string; runId?: string } = {}) => http.get<LedgerEntry[]>('/api/stock/ledger', { query: filter }),
  move: (movement: StockMovement) => http.post<StockLevel[]>('/api/stock/movements', movement),
  /** One item's counted quantity; the level it leaves (unchanged when it matches the book). */
  stocktake: (input: Stocktake) => http.post<StockLevel>('/api/stock/stocktakes', input),
  setThreshold: (depotId: string, itemId: string, minLevel: number) => http.put<StockLevel>(`/api/stock/${seg(depotId)}/${seg(itemId)}/threshold`, { minLevel }),

  runs: () => http.get<SupplyRun[]>('/api/supply-runs'),
  allocateRun: (input: SupplyRunCreate) => http.post<SupplyRun>('/api/supply-runs', input),
  departRun: (id: string, eta: string, vehicle?: string) => http.post<SupplyRun>(runPath(id, 'depart'), { eta, ...(vehicle ? { vehicle } : {}) }),
  arriveRun: (id: string, note = '') => http.post<SupplyRun>(runPath(id, 'arrive'), { note }),
  cancelRun: (id: string, reason: string) => http.post<SupplyRun>(runPath(id, 'cancel'), { reason }),

  /** UTF-8 with a BOM, so Excel opens it. */
  exportCsv: (kind: SupplyCsvKind) => downloadFile(`/api/supplies/csv/${kind}.csv`),
  /** All or nothing: a file with a bad row is refused with every problem by line (VALIDATION_FAILED details). */
  importCsv: (kind: SupplyCsvKind, file: Blob, encoding?: CsvEncoding) =>
    http.post<SupplyCsvImportResult>(`/api/supplies/csv/${kind}`, new Blob([file], { type: 'text/csv' }), { query: { encoding } }),
};
