import type { Kysely, Transaction } from 'kysely';
import { ACTIVE_ASSIGNMENT_STATES, type Assignment, type AssignmentState, type Dispatch, type DispatchOutcome, type DispatchStep } from '../../shared/schemas/dispatch';
import type { Database } from '../db/schema';
import type { DispatchAssignmentRow, DispatchRow, DispatchStepRow } from './schema';

export type Db = Kysely<Database> | Transaction<Database>;

export const toDispatchCore = (row: DispatchRow): Omit<Dispatch, 'assignments'> => ({
  id: row.id,
  taskType: row.task_type as Dispatch['taskType'],
  priority: row.priority as Dispatch['priority'],
  destination: { lat: row.dest_lat, lon: row.dest_lon, township: row.dest_township, label: row.dest_label },
  instructions: row.instructions,
  incidentId: row.incident_id,
  createdBy: JSON.parse(row.created_by),
  createdAt: row.created_at,
  reassignedFrom: row.reassigned_from,
  exercise: row.exercise === 1,
});

export const toAssignment = (row: DispatchAssignmentRow, queued: boolean): Assignment => ({
  teamId: row.team_id,
  state: row.state as AssignmentState,
  queued,
  reason: row.reason,
  channel: row.channel as Assignment['channel'],
  outcome: row.outcome ? (JSON.parse(row.outcome) as DispatchOutcome) : null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  updatedBy: JSON.parse(row.updated_by),
});

export const toStep = (row: DispatchStepRow): DispatchStep => ({
  seq: Number(row.seq),
  dispatchId: row.dispatch_id,
  teamId: row.team_id,
  from: row.from_state as DispatchStep['from'],
  state: row.state as AssignmentState,
  at: row.at,
  actor: JSON.parse(row.actor),
  channel: row.channel as DispatchStep['channel'],
  reason: row.reason,
});

export const stateOf = (row: DispatchAssignmentRow): AssignmentState => row.state as AssignmentState;

export function findAssignment(db: Db, dispatchId: string, teamId: string): Promise<DispatchAssignmentRow | undefined> {
  return db.selectFrom('dispatch_assignments').selectAll().where('dispatch_id', '=', dispatchId).where('team_id', '=', teamId).executeTakeFirst();
}

/** A team's active assignments in the order it works through them: the first is current, the rest queued. */
export function teamQueue(db: Db, teamId: string): Promise<DispatchAssignmentRow[]> {
  return db
    .selectFrom('dispatch_assignments')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('state', 'in', [...ACTIVE_ASSIGNMENT_STATES])
    .orderBy('queue_order')
    .orderBy('dispatch_id')
    .execute();
}

/** The current (first active) assignment's queue order per team, to tell current from queued. */
export async function currentOrders(db: Db, teamIds: string[]): Promise<Map<string, number>> {
  if (teamIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('dispatch_assignments')
    .select(['team_id', (eb) => eb.fn.min('queue_order').as('first')])
    .where('team_id', 'in', teamIds)
    .where('state', 'in', [...ACTIVE_ASSIGNMENT_STATES])
    .groupBy('team_id')
    .execute();
  return new Map(rows.map((r) => [r.team_id, Number(r.first)]));
}

export const isQueued = (row: DispatchAssignmentRow, current: Map<string, number>): boolean => {
  const first = current.get(row.team_id);
  return (ACTIVE_ASSIGNMENT_STATES as readonly string[]).includes(row.state) && first !== undefined && Number(row.queue_order) !== first;
};
