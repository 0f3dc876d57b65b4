/** Row types of the alarms table (migration 0001_foundation). Params are JSON text. */
export interface AlarmRow {
  id: string;
  kind: string;
  severity: string;
  sound: string;
  source_type: string;
  source_id: string;
  params: string;
  state: string;
  raised_at: string;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  cleared_at: string | null;
  /** 1 for an alarm about a drill's record (migration 0014). */
  exercise: number;
}

export interface AlarmTables {
  alarms: AlarmRow;
}
