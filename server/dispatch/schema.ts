/** Row types of the dispatch tables (migration 0002_dispatch). Actors are JSON text. */
export interface DispatchRow {
  id: string;
  task_type: string;
  priority: string;
  dest_lat: number;
  dest_lon: number;
  dest_township: string | null;
  dest_label: string;
  instructions: string;
  incident_id: string | null;
  created_by: string;
  created_at: string;
  reassigned_from: string | null;
  /** 1 for a drill's dispatch (migration 0013). */
  exercise: number;
}
export interface DispatchAssignmentRow {
  dispatch_id: string;
  team_id: string;
  state: string;
  reason: string | null;
  channel: string | null;
  /** The completion's outcome as JSON text (migration 0007), else null. */
  outcome: string | null;
  /** Seq of the event that assigned it: a team works through its active assignments in this order. */
  queue_order: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}
export interface DispatchStepRow {
  seq: number;
  dispatch_id: string;
  team_id: string;
  from_state: string | null;
  state: string;
  at: string;
  actor: string;
  channel: string | null;
  reason: string | null;
}
/** A client action applied once: its id, who sent it, a hash of the request and the answer it got. */
export interface ProcessedActionRow {
  action_id: string;
  user_id: string;
  kind: string;
  request_hash: string;
  result: string;
  created_at: string;
}

export interface DispatchTables {
  dispatches: DispatchRow;
  dispatch_assignments: DispatchAssignmentRow;
  dispatch_steps: DispatchStepRow;
  processed_actions: ProcessedActionRow;
}
