/** Row types of the position history (migration 0001_foundation). */
export interface PositionRow {
  device_id: string;
  team_id: string;
  t: number;
  lat: number;
  lon: number;
  speed: number | null;
  heading: number | null;
  accuracy: number | null;
  altitude: number | null;
  battery: number | null;
  received_at: number | null;
  flag: string | null;
}

export interface PositionTables {
  positions: PositionRow;
}
