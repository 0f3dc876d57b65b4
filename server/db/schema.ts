import type { DispatchTables } from '../dispatch/schema';
import type { VideoTables } from '../video/schema';
import type { SensorTables } from '../sensors/schema';
import type { IncidentBoardTables } from './schema-incident-board';

/** Row types as stored; both dialects. Booleans are 0/1 integers, JSON is text, instants are ISO text. */
export interface EventRow {
  seq: number;
  at: string;
  type: string;
  actor: string;
  payload: string;
  audience: string;
}
export interface EventCounterRow {
  id: number;
  last_seq: number;
}
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
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  team_id: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
}
export interface SessionRow {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  user_agent: string | null;
}
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
}
export interface SettingRow {
  key: string;
  value: string;
}

export interface Database extends IncidentBoardTables, DispatchTables, VideoTables, SensorTables {
  events: EventRow;
  event_counter: EventCounterRow;
  teams: TeamRow;
  users: UserRow;
  sessions: SessionRow;
  devices: DeviceRow;
  positions: PositionRow;
  alarms: AlarmRow;
  settings: SettingRow;
}
