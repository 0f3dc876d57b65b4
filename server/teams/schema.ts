/** Row types of the teams table (migration 0001_foundation). Capabilities are JSON text. */
export interface TeamRow {
  id: string;
  name: string;
  kind: string;
  leader: string;
  phone: string;
  headcount: number;
  capabilities: string;
  base_name: string;
  base_lat: number;
  base_lon: number;
  township: string | null;
  status: string;
  updated_at: string;
}

export interface TeamTables {
  teams: TeamRow;
}
