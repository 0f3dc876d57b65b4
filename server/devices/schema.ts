/** Row types of the devices table (migration 0001_foundation, telemetry columns 0006). */
export interface DeviceRow {
  id: string;
  team_id: string;
  kind: string;
  name: string;
  osmand_key_hash: string | null;
  username: string | null;
  password_hash: string | null;
  last_seen_at: string | null;
  rejected_fixes: number;
  last_reject_reason: string | null;
  battery: number | null;
  clock_skew_ms: number | null;
  thinned_fixes: number;
  revoked: number;
  created_at: string;
}

export interface DeviceTables {
  devices: DeviceRow;
}
