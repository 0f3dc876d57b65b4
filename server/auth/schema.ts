/** Row types of accounts and sessions (migration 0001_foundation). Booleans are 0/1 integers. */
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

export interface AuthTables {
  users: UserRow;
  sessions: SessionRow;
}
