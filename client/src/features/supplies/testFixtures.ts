import type { Depot, StockLevel, SupplyItem } from '@shared/schemas/supply';
import type { SupplyRun } from '@shared/schemas/supply-run';

/** Depots, supply items, stock levels and runs for tests, with every field filled. */

const at = '2025-08-01T00:00:00.000Z';

export const depot = (id: string): Depot => ({ id, name: `仓库${id}`, tier: 'county', township: '丹东街道', location: { lat: 29.47, lon: 121.87 }, address: '', manager: '', phone: '', updatedAt: at });

export const item = (id: string, keyItem = true): SupplyItem => ({ id, name: `物资${id}`, category: '', unit: '件', keyItem, updatedAt: at });

export const level = (depotId: string, itemId: string, over: Partial<StockLevel> = {}): StockLevel => ({ depotId, itemId, onHand: 10, reserved: 0, available: 10, minLevel: 5, updatedAt: at, ...over });

export const run = (id: string, over: Partial<SupplyRun> = {}): SupplyRun => ({
  id,
  fromDepotId: 'd1',
  destinationType: 'shelter',
  destinationId: 's1',
  lines: [{ itemId: 'tent', quantity: 2 }],
  status: 'allocated',
  reason: '安置',
  vehicle: '',
  dispatchId: null,
  requestedAt: at,
  goalAt: '2025-08-01T12:00:00.000Z',
  allocatedAt: at,
  departedAt: null,
  eta: null,
  arrivedAt: null,
  cancelledAt: null,
  createdBy: '值班员',
  updatedAt: at,
  exercise: false,
  ...over,
});
