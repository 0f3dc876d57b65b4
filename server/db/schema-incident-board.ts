/** Row types of the incident board (migration 0003): incidents, shelters, supplies, duty watch. */
export interface IncidentRow {
  id: string;
  code: string;
  title: string;
  type: string;
  severity: string;
  source: string;
  status: string;
  lat: number | null;
  lon: number | null;
  township: string | null;
  place: string;
  affected: number;
  trapped: number;
  injured: number;
  dead: number;
  account: string;
  caller: string;
  team_id: string | null;
  reported_at: string;
  updated_at: string;
  closed_at: string | null;
}
export interface IncidentDeadlineRow {
  id: string;
  incident_id: string;
  kind: string;
  severity: string;
  started_at: string;
  due_at: string;
  state: string;
  done_at: string | null;
  done_by: string | null;
  recipient: string | null;
  recorded_by: string | null;
}
export interface IncidentTimelineRow {
  id: string;
  incident_id: string;
  /** 1, 2, … within the incident: entries written in the same millisecond keep their order. */
  position: number;
  at: string;
  kind: string;
  text: string;
  params: string;
  author: string;
}
export interface IncidentAttachmentRow {
  id: string;
  incident_id: string;
  sha256: string;
  mime: string;
  bytes: number;
  caption: string;
  added_at: string;
  added_by: string;
}
export interface ShelterRow {
  id: string;
  name: string;
  level: string;
  township: string;
  lat: number;
  lon: number;
  address: string;
  capacity: number;
  facilities: string;
  contact_name: string;
  contact_phone: string;
  status: string;
  occupancy: number;
  updated_at: string;
}
export interface ShelterMovementRow {
  id: string;
  shelter_id: string;
  kind: string;
  people: number;
  at: string;
  note: string;
  actor_name: string;
}
export interface TownshipEvacuationRow {
  township: string;
  with_relatives: number;
  reported_at: string;
  reported_by: string;
}
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
}
export interface SupplyRunLineRow {
  run_id: string;
  item_id: string;
  quantity: number;
}
export interface DutyShiftRow {
  id: string;
  starts_at: string;
  ends_at: string;
  leader_user_id: string;
  officer_user_ids: string;
  note: string;
  updated_at: string;
}
export interface DutyHandoverRow {
  id: string;
  from_shift_id: string;
  to_shift_id: string;
  note: string;
  open_incidents: string;
  written_by: string;
  written_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
}
export interface DutyLogRow {
  id: string;
  at: string;
  kind: string;
  summary: string;
  counterpart: string;
  phone: string;
  incident_id: string | null;
  shift_id: string | null;
  actor_id: string;
  actor_name: string;
}

export interface IncidentBoardTables {
  incidents: IncidentRow;
  incident_deadlines: IncidentDeadlineRow;
  incident_timeline: IncidentTimelineRow;
  incident_attachments: IncidentAttachmentRow;
  shelters: ShelterRow;
  shelter_movements: ShelterMovementRow;
  township_evacuations: TownshipEvacuationRow;
  depots: DepotRow;
  supply_items: SupplyItemRow;
  stock_levels: StockLevelRow;
  shelter_supplies: ShelterSupplyRow;
  supply_ledger: SupplyLedgerRow;
  supply_runs: SupplyRunRow;
  supply_run_lines: SupplyRunLineRow;
  duty_shifts: DutyShiftRow;
  duty_handovers: DutyHandoverRow;
  duty_log: DutyLogRow;
}
