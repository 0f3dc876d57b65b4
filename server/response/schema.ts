/** Row types of the response domain (migration 0011): plan versions, responses, their tasks, evacuation counts. */
export interface ResponsePlanRow {
  hazard: string;
  level: string;
  version: number;
  /** JSON: PlanTask[]. */
  tasks: string;
  note: string;
  saved_by_id: string;
  saved_by_name: string;
  saved_at: string;
}

export interface ResponseRow {
  id: string;
  hazard: string;
  level: string;
  exercise: number;
  state: string;
  started_at: string;
  level_since: string;
  ended_at: string | null;
  /** JSON: ResponseChange[]. */
  history: string;
  /** JSON: { [level]: version }. */
  plan_versions: string;
  /** JSON DrillScope or null. */
  drill_scope: string | null;
}

export interface ResponseTaskRow {
  id: string;
  response_id: string;
  level: string;
  plan_version: number;
  task_key: string;
  title: string;
  /** JSON: TaskOwner. */
  owner: string;
  owner_name: string;
  due_at: string;
  repeat_minutes: number | null;
  occurrence: number;
  state: string;
  closed_reason: string | null;
  done_at: string | null;
  done_by: string | null;
  note: string | null;
  /** JSON: PlanAction or null. */
  action: string | null;
  action_state: string;
  /** JSON: ActionResult or null. */
  action_result: string | null;
  automatic: number;
  exercise: number;
  /** JSON: PlanProblem[]. */
  problems: string;
  created_at: string;
  /** JSON: TaskEscalation[] (migration 0014). */
  escalations: string;
}

export interface ResponseEvacuationRow {
  response_id: string;
  township: string;
  people: number;
  reported_moved: number;
  vessels: number;
  vessels_in_port: number;
  deadline: string | null;
  updated_at: string;
  updated_by: string;
}

/** A village's 人员转移 within a township (migration 0014). */
export interface ResponseEvacuationVillageRow {
  response_id: string;
  township: string;
  village: string;
  people: number;
  reported_moved: number;
  deadline: string | null;
  updated_at: string;
  updated_by: string;
}

export interface ResponseTables {
  response_plans: ResponsePlanRow;
  responses: ResponseRow;
  response_tasks: ResponseTaskRow;
  response_evacuation: ResponseEvacuationRow;
  response_evacuation_villages: ResponseEvacuationVillageRow;
}
