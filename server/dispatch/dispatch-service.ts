import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { mayAct } from '../../shared/permissions';
import {
  ACTIVE_ASSIGNMENT_STATES,
  DispatchCancelSchema,
  DispatchCreateSchema,
  DispatchOnBehalfSchema,
  DispatchReassignResultSchema,
  DispatchReassignSchema,
  DispatchReceivedSchema,
  DispatchSchema,
  DispatchStepRequestSchema,
  type Dispatch,
} from '../../shared/schemas/dispatch';
import { townshipAt } from '../../shared/townships';
import type { Actor } from '../../shared/schemas/event';
import { actorOf, type Principal } from '../auth/principal';
import type { Database } from '../db/schema';
import { DomainError, forbidden, notFound } from '../errors';
import type { RecordEvent } from '../events/transactor';
import type { ActionLedger } from '../actions/action-ledger';
import type { AssignmentWriter } from './assignment-writer';
import type { DispatchReader } from './dispatch-reader';
import { canReassign, invalidTransition, isActive } from './transitions';

type DispatchCore = Omit<Dispatch, 'assignments'>;

function requireDesk(principal: Principal): void {
  if (!mayAct(principal.role, 'staff')) throw forbidden('Only the command desk may do this.');
}

function requireTablet(principal: Principal): string {
  if (principal.role !== 'field' || !principal.teamId) throw forbidden('Only a team tablet may do this.');
  return principal.teamId;
}

/**
 * Dispatch commands. Every command carries a client-generated action id and runs through the ledger, so a
 * retry returns the first answer; it is answered only after its transaction (and its events) committed.
 */
export class DispatchService {
  constructor(
    private readonly ledger: ActionLedger,
    private readonly writer: AssignmentWriter,
    private readonly reader: DispatchReader,
    private readonly clock: () => number = Date.now,
  ) {}

  async create(data: z.output<typeof DispatchCreateSchema>, principal: Principal): Promise<Dispatch> {
    requireDesk(principal);
    const spec = { actionId: data.actionId, userId: principal.userId, kind: 'dispatch.create', request: data, result: DispatchSchema };
    return this.ledger.once(spec, async (tx, record) => {
      const id = await this.createWithin(tx, record, data, actorOf(principal));
      return this.reader.get(id, principal, tx);
    });
  }

  /** A new dispatch inside a caller's transaction (a response plan's confirmed action); answers its id. */
  async createWithin(tx: Transaction<Database>, record: RecordEvent, data: Omit<z.output<typeof DispatchCreateSchema>, 'actionId'>, actor: Actor): Promise<string> {
    if (data.incidentId && !(await tx.selectFrom('incidents').select('id').where('id', '=', data.incidentId).executeTakeFirst())) {
      throw new DomainError('VALIDATION_FAILED', 'No such incident.', [{ path: 'incidentId', message: 'no such incident' }]);
    }
    const destination = { ...data.destination, township: data.destination.township ?? townshipAt(data.destination) };
    const core: DispatchCore = { id: randomUUID(), taskType: data.taskType, priority: data.priority, destination, instructions: data.instructions, incidentId: data.incidentId, createdBy: actor, createdAt: this.now(), reassignedFrom: null, exercise: data.exercise };
    await this.insert(tx, record, core, data.teamIds, actor);
    return core.id;
  }

  /** A dispatch as the board sees it, inside a caller's transaction; null when there is no such dispatch. */
  async findWithin(tx: Transaction<Database>, id: string): Promise<Dispatch | null> {
    const exists = await tx.selectFrom('dispatches').select('id').where('id', '=', id).executeTakeFirst();
    return exists ? this.reader.get(id, { role: 'commander', teamId: null }, tx) : null;
  }

  /** Cancels every still-active assignment of a dispatch inside a caller's transaction; answers how many. */
  async cancelWithin(tx: Transaction<Database>, record: RecordEvent, dispatchId: string, reason: string, actor: Actor): Promise<number> {
    const active = await tx.selectFrom('dispatch_assignments').select('team_id').where('dispatch_id', '=', dispatchId).where('state', 'in', [...ACTIVE_ASSIGNMENT_STATES]).execute();
    for (const { team_id } of active) await this.writer.step(tx, record, { dispatchId, teamId: team_id, to: 'cancelled', actor, channel: null, reason });
    return active.length;
  }

  /** A tablet confirms it has the dispatch: `delivered`, unless something later already happened. */
  async receive(data: z.output<typeof DispatchReceivedSchema>, principal: Principal): Promise<Dispatch> {
    const teamId = requireTablet(principal);
    const spec = { actionId: data.actionId, userId: principal.userId, kind: 'dispatch.received', request: data, result: DispatchSchema };
    return this.ledger.once(spec, async (tx, record) => {
      await this.reader.get(data.dispatchId, principal, tx);
      await this.writer.step(tx, record, { dispatchId: data.dispatchId, teamId, to: 'delivered', actor: actorOf(principal), channel: 'tablet', reason: null });
      return this.reader.get(data.dispatchId, principal, tx);
    });
  }

  /** A tablet's own step: accept, decline (with a reason), en route, on scene, complete. */
  async tabletStep(data: z.output<typeof DispatchStepRequestSchema>, principal: Principal): Promise<Dispatch> {
    const teamId = requireTablet(principal);
    const spec = { actionId: data.actionId, userId: principal.userId, kind: 'dispatch.step', request: data, result: DispatchSchema };
    return this.ledger.once(spec, async (tx, record) => {
      await this.reader.get(data.dispatchId, principal, tx);
      await this.writer.step(tx, record, { dispatchId: data.dispatchId, teamId, to: data.to, actor: actorOf(principal), channel: 'tablet', reason: data.reason, outcome: data.outcome });
      return this.reader.get(data.dispatchId, principal, tx);
    });
  }

  /** The desk records a step the team reported by phone, radio or in person; the desk user is the actor. */
  async recordOnBehalf(dispatchId: string, data: z.output<typeof DispatchOnBehalfSchema>, principal: Principal): Promise<Dispatch> {
    requireDesk(principal);
    const spec = { actionId: data.actionId, userId: principal.userId, kind: 'dispatch.on_behalf', request: { dispatchId, ...data }, result: DispatchSchema };
    return this.ledger.once(spec, async (tx, record) => {
      await this.reader.get(dispatchId, principal, tx);
      await this.writer.step(tx, record, { dispatchId, teamId: data.teamId, to: data.to, actor: actorOf(principal), channel: data.channel, reason: data.reason, outcome: data.outcome });
      return this.reader.get(dispatchId, principal, tx);
    });
  }

  /** Cancels the given teams' assignments, or all active ones; refused for a completed or declined one. */
  async cancel(dispatchId: string, data: z.output<typeof DispatchCancelSchema>, principal: Principal): Promise<Dispatch> {
    requireDesk(principal);
    const spec = { actionId: data.actionId, userId: principal.userId, kind: 'dispatch.cancel', request: { dispatchId, ...data }, result: DispatchSchema };
    return this.ledger.once(spec, async (tx, record) => {
      const dispatch = await this.reader.get(dispatchId, principal, tx);
      const targets = data.teamIds ?? dispatch.assignments.filter((a) => isActive(a.state)).map((a) => a.teamId);
      if (targets.length === 0) throw new DomainError('INVALID_TRANSITION', 'Nothing left to cancel: every team has finished, declined or been cancelled.');
      for (const teamId of targets) {
        await this.writer.step(tx, record, { dispatchId, teamId, to: 'cancelled', actor: actorOf(principal), channel: null, reason: data.reason });
      }
      return this.reader.get(dispatchId, principal, tx);
    });
  }

  /** Cancels one team's assignment (if still active; a declined one may go on too) and sends the same task to other teams as a linked dispatch. */
  async reassign(dispatchId: string, data: z.output<typeof DispatchReassignSchema>, principal: Principal) {
    requireDesk(principal);
    if (data.toTeamIds.includes(data.fromTeamId)) throw new DomainError('VALIDATION_FAILED', 'Reassign to other teams.', [{ path: 'toTeamIds', message: 'must not include fromTeamId' }]);
    const spec = { actionId: data.actionId, userId: principal.userId, kind: 'dispatch.reassign', request: { dispatchId, ...data }, result: DispatchReassignResultSchema };
    return this.ledger.once(spec, async (tx, record) => {
      const old = await this.reader.get(dispatchId, principal, tx);
      const from = old.assignments.find((a) => a.teamId === data.fromTeamId);
      if (!from) throw notFound('Assignment');
      if (!canReassign(from.state)) throw invalidTransition(from.state, 'cancelled', `A ${from.state} dispatch cannot be reassigned.`);
      const actor = actorOf(principal);
      if (isActive(from.state)) await this.writer.step(tx, record, { dispatchId, teamId: data.fromTeamId, to: 'cancelled', actor, channel: null, reason: data.reason });
      const { assignments: _old, ...content } = old;
      const core: DispatchCore = { ...content, id: randomUUID(), createdBy: actor, createdAt: this.now(), reassignedFrom: dispatchId };
      await this.insert(tx, record, core, data.toTeamIds, actor);
      return { cancelled: await this.reader.get(dispatchId, principal, tx), created: await this.reader.get(core.id, principal, tx) };
    });
  }

  private async insert(tx: Transaction<Database>, record: RecordEvent, core: DispatchCore, teamIds: string[], actor: Actor): Promise<void> {
    const found = await tx.selectFrom('teams').select('id').where('id', 'in', teamIds).execute();
    const missing = teamIds.filter((id) => !found.some((t) => t.id === id));
    if (missing.length > 0) throw new DomainError('NOT_FOUND', 'No such team.', { teamIds: missing });
    await tx
      .insertInto('dispatches')
      .values({
        id: core.id,
        task_type: core.taskType,
        priority: core.priority,
        dest_lat: core.destination.lat,
        dest_lon: core.destination.lon,
        dest_township: core.destination.township,
        dest_label: core.destination.label,
        instructions: core.instructions,
        incident_id: core.incidentId,
        created_by: JSON.stringify(core.createdBy),
        created_at: core.createdAt,
        reassigned_from: core.reassignedFrom,
        exercise: core.exercise ? 1 : 0,
      })
      .execute();
    for (const teamId of teamIds) await this.writer.assign(tx, record, core, teamId, actor);
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }
}
