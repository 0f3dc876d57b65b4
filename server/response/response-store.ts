import { PlanTaskSchema, type Plan, type PlanProblem, type ResponseHazard, type ResponseLevel } from '../../shared/schemas/response-plan';
import { ActionResultSchema, type Response, type ResponseTask, type TaskEscalation } from '../../shared/schemas/response';
import type { Db } from '../db/db-handle';
import { notFound } from '../errors';
import type { ResponsePlanRow, ResponseRow, ResponseTaskRow } from './schema';

export const toPlan = (row: ResponsePlanRow): Plan => ({
  hazard: row.hazard as ResponseHazard,
  level: row.level as ResponseLevel,
  version: row.version,
  tasks: PlanTaskSchema.array().parse(JSON.parse(row.tasks)),
  note: row.note,
  savedBy: { id: row.saved_by_id, name: row.saved_by_name },
  savedAt: row.saved_at,
});

export const emptyPlan = (hazard: ResponseHazard, level: ResponseLevel): Plan => ({ hazard, level, version: 0, tasks: [], note: '', savedBy: null, savedAt: null });

/** The newest version of a plan, or the empty plan when none was ever saved. */
export async function currentPlan(db: Db, hazard: ResponseHazard, level: ResponseLevel): Promise<Plan> {
  const row = await db.selectFrom('response_plans').selectAll().where('hazard', '=', hazard).where('level', '=', level).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? toPlan(row) : emptyPlan(hazard, level);
}

export const toResponse = (row: ResponseRow): Response => ({
  id: row.id,
  hazard: row.hazard as ResponseHazard,
  level: row.level as ResponseLevel,
  exercise: row.exercise === 1,
  state: row.state as Response['state'],
  startedAt: row.started_at,
  levelSince: row.level_since,
  endedAt: row.ended_at,
  history: JSON.parse(row.history),
  planVersions: JSON.parse(row.plan_versions),
  drillScope: row.drill_scope ? JSON.parse(row.drill_scope) : null,
});

export const toResponseRow = (r: Response): ResponseRow => ({
  id: r.id,
  hazard: r.hazard,
  level: r.level,
  exercise: r.exercise ? 1 : 0,
  state: r.state,
  started_at: r.startedAt,
  level_since: r.levelSince,
  ended_at: r.endedAt,
  history: JSON.stringify(r.history),
  plan_versions: JSON.stringify(r.planVersions),
  drill_scope: r.drillScope ? JSON.stringify(r.drillScope) : null,
});

export async function loadResponse(db: Db, id: string): Promise<Response> {
  const row = await db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Response');
  return toResponse(row);
}

export const toTask = (row: ResponseTaskRow): ResponseTask => ({
  id: row.id,
  responseId: row.response_id,
  level: row.level as ResponseLevel,
  planVersion: row.plan_version,
  key: row.task_key,
  title: row.title,
  owner: JSON.parse(row.owner),
  ownerName: row.owner_name,
  dueAt: row.due_at,
  repeatMinutes: row.repeat_minutes,
  occurrence: row.occurrence,
  state: row.state as ResponseTask['state'],
  closedReason: row.closed_reason,
  doneAt: row.done_at,
  doneBy: row.done_by,
  note: row.note,
  action: row.action ? JSON.parse(row.action) : null,
  actionState: row.action_state as ResponseTask['actionState'],
  actionResult: row.action_result ? ActionResultSchema.parse(JSON.parse(row.action_result)) : null,
  automatic: row.automatic === 1,
  exercise: row.exercise === 1,
  problems: JSON.parse(row.problems) as PlanProblem[],
  createdAt: row.created_at,
  escalations: JSON.parse(row.escalations) as TaskEscalation[],
});

export const toTaskRow = (t: ResponseTask): ResponseTaskRow => ({
  id: t.id,
  response_id: t.responseId,
  level: t.level,
  plan_version: t.planVersion,
  task_key: t.key,
  title: t.title,
  owner: JSON.stringify(t.owner),
  owner_name: t.ownerName,
  due_at: t.dueAt,
  repeat_minutes: t.repeatMinutes,
  occurrence: t.occurrence,
  state: t.state,
  closed_reason: t.closedReason,
  done_at: t.doneAt,
  done_by: t.doneBy,
  note: t.note,
  action: t.action ? JSON.stringify(t.action) : null,
  action_state: t.actionState,
  action_result: t.actionResult ? JSON.stringify(t.actionResult) : null,
  automatic: t.automatic ? 1 : 0,
  exercise: t.exercise ? 1 : 0,
  problems: JSON.stringify(t.problems),
  created_at: t.createdAt,
  escalations: JSON.stringify(t.escalations),
});

export async function tasksOf(db: Db, responseId: string): Promise<ResponseTask[]> {
  const rows = await db.selectFrom('response_tasks').selectAll().where('response_id', '=', responseId).orderBy('due_at').orderBy('task_key').orderBy('occurrence').execute();
  return rows.map(toTask);
}

export async function loadTask(db: Db, id: string): Promise<ResponseTask> {
  const row = await db.selectFrom('response_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Task');
  return toTask(row);
}

/** Chunked insert: SQLite allows a limited number of bound values per statement. */
export async function insertTasks(db: Db, tasks: ResponseTask[]): Promise<void> {
  for (let i = 0; i < tasks.length; i += 40) await db.insertInto('response_tasks').values(tasks.slice(i, i + 40).map(toTaskRow)).execute();
}

export async function updateTask(db: Db, task: ResponseTask): Promise<void> {
  const { id: _id, ...row } = toTaskRow(task);
  await db.updateTable('response_tasks').set(row).where('id', '=', task.id).execute();
}
