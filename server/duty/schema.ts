/** Row types of the duty watch tables (migration 0003_incidents_supplies). */
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

export interface DutyTables {
  duty_shifts: DutyShiftRow;
  duty_handovers: DutyHandoverRow;
  duty_log: DutyLogRow;
}
