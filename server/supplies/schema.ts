/** Row types of the supply tables (migration 0003_incidents_supplies): depots, catalogue, stock, its ledger and runs. */
export interface DepotRow {
  id: string;
  name: string;
  tier: string;
  township: string | null;
  lat: number;
  lon: number;
  address: string;
  manager: string;
  phone: string;
  updated_at: string;
}
export interface SupplyItemRow {
  id: string;
  name: string;
  category: string;
  unit: string;
  key_item: number;
  updated_at: string;
}
export interface StockLevelRow {
  depot_id: string;
  item_id: string;
  on_hand: number;
  reserved: number;
  min_level: number;
  updated_at: string;
}
export interface ShelterSupplyRow {
  shelter_id: string;
  item_id: string;
  quantity: number;
}
export interface SupplyLedgerRow {
  id: string;
  at: string;
  kind: string;
  depot_id: string | null;
  shelter_id: string | null;
  incident_id: string | null;
  item_id: string;
  quantity: number;
  reserved_delta: number;
  run_id: string | null;
  reason: string;
  actor_id: string;
  actor_name: string;
}
export interface SupplyRunRow {
  id: string;
  from_depot_id: string;
  destination_type: string;
  destination_id: string;
  status: string;
  reason: string;
  vehicle: string;
  dispatch_id: string | null;
  requested_at: string;
  allocated_at: string;
  departed_at: string | null;
  eta: string | null;
  arrived_at: string | null;
  cancelled_at: string | null;
  created_by: string;
  updated_at: string;
  /** 1 for a drill's run (migration 0014). */
  exercise: number;
}
export interface SupplyRunLineRow {
  run_id: string;
  item_id: string;
  quantity: number;
}

export interface SupplyTables {
  depots: DepotRow;
  supply_items: SupplyItemRow;
  stock_levels: StockLevelRow;
  shelter_supplies: ShelterSupplyRow;
  supply_ledger: SupplyLedgerRow;
  supply_runs: SupplyRunRow;
  supply_run_lines: SupplyRunLineRow;
}
