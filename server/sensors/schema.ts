export interface StationRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  township: string;
  /** JSON array of SensorElement. */
  elements: string;
  /** JSON of StationThresholds. */
  thresholds: string;
  report_interval_seconds: number;
  sl651_address: string | null;
  sl651_password: string | null;
  sl651_work_mode: string | null;
  maintenance: number;
  maintenance_note: string;
  updated_at: string;
}

export interface ReadingRow {
  station_id: string;
  element: string;
  observed_at: number;
  value: number | null;
  source: string;
  received_at: number;
}

export interface SensorTables {
  stations: StationRow;
  readings: ReadingRow;
}
