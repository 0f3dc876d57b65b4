import type { Transaction } from 'kysely';
import type { Assignment, AssignmentState, Dispatch, DispatchOutcome, StepChannel } from '../../shared/schemas/dispatch';
import type { Actor } from '../../shared/schemas/event';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import type { DispatchAssignmentRow } from './schema';
import { notFound } from '../errors';
import type { RecordEvent } from '../events/transactor';
import { findAssignment, stateOf, teamQueue, toAssignment } from './dispatch-rows';
import { assignmentSource } from './escalation-alarms';
import { setTeamStatusWithin, teamStatusOf } from './team-status';
import { MOVING_STATES, alreadyThere, assertTransition, invalidTransition, isActive, teamStatusAfter } from './transitions';

export interface StepInput {
  dispatchId: string;
  teamId: string;
  to: AssignmentState;
  actor: Actor;
  channel: StepChannel | null;
  reason: string | null;
  /** Only with `to: 'completed'`: what the team reports having done. */
  outcome?: DispatchOutcome | null;
}

/**
 * Writes assignments and their steps inside a caller's transaction: each change is a `dispatch.*` event
 * to the team and the board, a timeline row under the same seq, the overdue alarms it resolves, and the
 * team status it implies, all in that one transaction.
 */
export class AssignmentWriter {
  constructor(
    private readonly alarms: Pick<AlarmService, 'clearWithin'>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Gives a team a new dispatch; it goes to the end of the team's queue. */
  async assign(tx: Transaction<Database>, record: RecordEvent, dispatch: Omit<Dispatch, 'assignments'>, teamId: string, actor: Actor): Promise<void> {
    const queueBefore = await teamQueue(tx, teamId);
    const now = this.now();
    const assignment: Assignment = { teamId, state: 'created', queued: queueBefore.length > 0, reason: null, channel: null, outcome: null, createdAt: now, updatedAt: now, updatedBy: actor };
    const queue = [...queueBefore.map((r) => r.dispatch_id), dispatch.id];
    const event = await record({ type: 'dispatch.assigned', actor, payload: { dispatch: { ...dispatch, assignments: [assignment] }, teamId, queue } });
    await tx
      .insertInto('dispatch_assignments')
      .values({ dispatch_id: dispatch.id, team_id: teamId, state: 'created', reason: null, channel: null, outcome: null, queue_order: event.seq, created_at: now, updated_at: now, updated_by: JSON.stringify(actor) })
      .execute();
    await tx
      .insertInto('dispatch_steps')
      .values({ seq: event.seq, dispatch_id: dispatch.id, team_id: teamId, from_state: null, state: 'created', at: now, actor: JSON.stringify(actor), channel: null, reason: null })
      .execute();
  }

  /**
   * Moves a team's assignment to `input.to`. Returns false, writing nothing, when that already happened;
   * throws INVALID_TRANSITION for a step the table forbids or a move on a dispatch still queued.
   */
  async step(tx: Transaction<Database>, record: RecordEvent, input: StepInput): Promise<boolean> {
    const row = await findAssignment(tx, input.dispatchId, input.teamId);
    if (!row) throw notFound('Assignment');
    const from = stateOf(row);
    if (alreadyThere(from, input.to)) return false;
    assertTransition(from, input.to);
    const queueBefore = await teamQueue(tx, input.teamId);
    const wasCurrent = queueBefore[0]?.dispatch_id === input.dispatchId;
    if (MOVING_STATES.includes(input.to) && !wasCurrent) {
      throw invalidTransition(from, input.to, `This dispatch is queued behind ${queueBefore[0]?.dispatch_id ?? 'another'}; finish that one first.`);
    }

    const now = this.now();
    const reason = input.to === 'declined' || input.to === 'cancelled' ? input.reason : row.reason;
    const outcome = input.to === 'completed' && input.outcome ? JSON.stringify(input.outcome) : row.outcome;
    const next: DispatchAssignmentRow = { ...row, state: input.to, reason, channel: input.channel, outcome, updated_at: now, updated_by: JSON.stringify(input.actor) };
    await tx
      .updateTable('dispatch_assignments')
      .set({ state: next.state, reason: next.reason, channel: next.channel, outcome, updated_at: now, updated_by: next.updated_by })
      .where('dispatch_id', '=', input.dispatchId)
      .where('team_id', '=', input.teamId)
      .execute();

    const queueAfter = isActive(input.to) ? queueBefore : queueBefore.filter((r) => r.dispatch_id !== input.dispatchId);
    const isCurrent = queueAfter[0]?.dispatch_id === input.dispatchId;
    const step = { dispatchId: input.dispatchId, teamId: input.teamId, from, state: input.to, at: now, actor: input.actor, channel: input.channel, reason: input.reason };
    const event = await record({
      type: 'dispatch.stepped',
      actor: input.actor,
      payload: { dispatchId: input.dispatchId, teamId: input.teamId, step, assignment: toAssignment(next, isActive(input.to) && !isCurrent), queue: queueAfter.map((r) => r.dispatch_id) },
    });
    await tx
      .insertInto('dispatch_steps')
      .values({ seq: event.seq, dispatch_id: input.dispatchId, team_id: input.teamId, from_state: from, state: input.to, at: now, actor: JSON.stringify(input.actor), channel: input.channel, reason: input.reason })
      .execute();

    await this.clearResolvedAlarms(tx, record, from, input);
    const current = queueAfter[0];
    const currentState = !current ? null : isCurrent ? input.to : stateOf(current);
    const status = await teamStatusOf(tx, input.teamId);
    if (status) {
      const nextStatus = teamStatusAfter(status, { from, to: input.to, wasCurrent, isCurrent }, currentState);
      if (nextStatus !== status) await setTeamStatusWithin(tx, record, input.teamId, nextStatus, input.actor, now);
    }
    return true;
  }

  private async clearResolvedAlarms(tx: Transaction<Database>, record: RecordEvent, from: AssignmentState, input: StepInput): Promise<void> {
    const source = assignmentSource(input.dispatchId, input.teamId);
    if (from === 'created') await this.alarms.clearWithin(tx, record, 'dispatch_undelivered', source, input.actor);
    if (input.to !== 'delivered' && (from === 'created' || from === 'delivered')) await this.alarms.clearWithin(tx, record, 'dispatch_unaccepted', source, input.actor);
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
