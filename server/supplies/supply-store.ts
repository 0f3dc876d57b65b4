import type { Depot, LedgerEntry, StockLevel, SupplyItem } from '../../shared/schemas/supply';
import type { SupplyRun } from '../../shared/schemas/supply-run';
import { RELIEF_GOAL_HOURS } from '../../shared/schemas/supply-run';
import type { Db } from '../db/db-handle';
import type { DepotRow, StockLevelRow, SupplyItemRow, SupplyLedgerRow, SupplyRunLineRow, SupplyRunRow } from './schema';
import { notFound } from '../errors';

export const toDepot = (row: DepotRow): Depot => ({
  id: row.id,
  name: row.name,
  tier: row.tier as Depot['tier'],
  township: row.township,
  location: { lat: row.lat, lon: row.lon },
  address: row.address,
  manager: row.manager,
  phone: row.phone,
  updatedAt: row.updated_at,
});

export const toDepotRow = (d: Depot): DepotRow => ({
  id: d.id,
  name: d.name,
  tier: d.tier,
  township: d.township,
  lat: d.location.lat,
  lon: d.location.lon,
  address: d.address,
  manager: d.manager,
  phone: d.phone,
  updated_at: d.updatedAt,
});

export const toItem = (row: SupplyItemRow): SupplyItem => ({ id: row.id, name: row.name, category: row.category, unit: row.unit, keyItem: row.key_item === 1, updatedAt: row.updated_at });
export const toItemRow = (i: SupplyItem): SupplyItemRow => ({ id: i.id, name: i.name, category: i.category, unit: i.unit, key_item: i.keyItem ? 1 : 0, updated_at: i.updatedAt });

export const toStockLevel = (row: StockLevelRow): StockLevel => ({
  depotId: row.depot_id,
  itemId: row.item_id,
  onHand: row.on_hand,
  reserved: row.reserved,
  available: row.on_hand - row.reserved,
  minLevel: row.min_level,
  updatedAt: row.updated_at,
});

export const toLedgerEntry = (row: SupplyLedgerRow): LedgerEntry => ({
  id: row.id,
  at: row.at,
  kind: row.kind as LedgerEntry['kind'],
  depotId: row.depot_id,
  shelterId: row.shelter_id,
  incidentId: row.incident_id,
  itemId: row.item_id,
  quantity: row.quantity,
  reservedDelta: row.reserved_delta,
  runId: row.run_id,
  reason: row.reason,
  actorName: row.actor_name,
});

export const goalAtFor = (requestedAt: string): string => new Date(Date.parse(requestedAt) + RELIEF_GOAL_HOURS * 3_600_000).toISOString();

export const toRun = (row: SupplyRunRow, lines: SupplyRunLineRow[]): SupplyRun => ({
  id: row.id,
  fromDepotId: row.from_depot_id,
  destinationType: row.destination_type as SupplyRun['destinationType'],
  destinationId: row.destination_id,
  lines: lines.map((l) => ({ itemId: l.item_id, quantity: l.quantity })),
  status: row.status as SupplyRun['status'],
  reason: row.reason,
  vehicle: row.vehicle,
  dispatchId: row.dispatch_id,
  requestedAt: row.requested_at,
  goalAt: goalAtFor(row.requested_at),
  allocatedAt: row.allocated_at,
  departedAt: row.departed_at,
  eta: row.eta,
  arrivedAt: row.arrived_at,
  cancelledAt: row.cancelled_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  exercise: row.exercise === 1,
});

export async function loadDepot(db: Db, id: string): Promise<Depot> {
  const row = await db.selectFrom('depots').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Depot ${id}`);
  return toDepot(row);
}

export async function loadItem(db: Db, id: string): Promise<SupplyItem> {
  const row = await db.selectFrom('supply_items').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Item ${id}`);
  return toItem(row);
}

export const listDepots = async (db: Db): Promise<Depot[]> => (await db.selectFrom('depots').selectAll().orderBy('tier').orderBy('id').execute()).map(toDepot);
export const listItems = async (db: Db): Promise<SupplyItem[]> => (await db.selectFrom('supply_items').selectAll().orderBy('category').orderBy('id').execute()).map(toItem);
export const listStockLevels = async (db: Db): Promise<StockLevel[]> =>
  (await db.selectFrom('stock_levels').selectAll().orderBy('depot_id').orderBy('item_id').execute()).map(toStockLevel);

export async function listRuns(db: Db, options: { activeOnly: boolean; ids?: string[] }): Promise<SupplyRun[]> {
  let query = db.selectFrom('supply_runs').selectAll();
  if (options.activeOnly) query = query.where('status', 'in', ['allocated', 'in_transit']);
  if (options.ids) query = query.where('id', 'in', options.ids.length > 0 ? options.ids : ['']);
  const rows = await query.orderBy('allocated_at', 'desc').limit(500).execute();
  if (rows.length === 0) return [];
  const lines = await db.selectFrom('supply_run_lines').selectAll().where('run_id', 'in', rows.map((r) => r.id)).orderBy('item_id').execute();
  return rows.map((row) => toRun(row, lines.filter((l) => l.run_id === row.id)));
}

export async function loadRun(db: Db, id: string): Promise<SupplyRun> {
  const [run] = await listRuns(db, { activeOnly: false, ids: [id] });
  if (!run) throw notFound('Supply run');
  return run;
}
