import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../shared/schemas/event';
import { levelRank, RESPONSE_LEVELS, type ResponseLevel } from '../../shared/schemas/response-plan';
import {
  ActivationSchema,
  ConfirmResultSchema,
  ResponseSchema,
  type Activation,
  type ConfirmActionsSchema,
  type Response,
  type ResponseChange,
  type ResponseEndSchema,
  type ResponseLevelChangeSchema,
  type ResponseStartSchema,
  type ResponseTask,
} from '../../shared/schemas/response';
import type { ActionLedger } from '../actions/action-ledger';
import type { AlarmService } from '../alarms/alarm-service';
import type { Database } from '../db/schema';
import { conflict, DomainError } from '../errors';
import type { RecordEvent } from '../events/transactor';
import { runAction } from './action-runner';
import { activate } from './activation';
import type { ResponsePorts } from './ports';
import { loadResponse, tasksOf, toResponse, toResponseRow } from './response-store';
import { LEVEL_ZH } from './response-words';
import { closeTasks } from './task-completion';
import { iso, taskContext, type TaskContext } from './task-context';

type Tx = Transaction<Database>;

/**
 * Starts, raises, lowers and ends responses, and confirms their prepared actions. Each command is one
 * transaction through the action ledger: a retried request (same action id) answers the first result and
 * creates nothing twice; a refused one writes nothing.
 */
export class ResponseService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly ledger: ActionLedger,
    private readonly ports: ResponsePorts,
    private readonly alarms: AlarmService,
    private readonly clock: () => number = Date.now,
  ) {}

  async list(state?: Response['state']): Promise<Response[]> {
    let query = this.db.selectFrom('responses').selectAll().orderBy('started_at', 'desc').limit(200);
    if (state) query = query.where('state', '=', state);
    return (await query.execute()).map(toResponse);
  }

  get(id: string): Promise<Response> {
    return loadResponse(this.db, id);
  }

  async tasks(id: string): Promise<ResponseTask[]> {
    await loadResponse(this.db, id);
    return tasksOf(this.db, id);
  }

  async start(data: z.output<typeof ResponseStartSchema>, actor: Actor): Promise<Activation> {
    return this.ledger.once({ actionId: data.actionId, userId: actor.id, kind: 'response.start', request: data, result: ActivationSchema }, async (tx, record) => {
      const active = (await tx.selectFrom('responses').selectAll().where('state', '=', 'active').execute()).map(toResponse);
      if (active.some((r) => r.hazard === data.hazard && r.exercise === data.exercise)) throw conflict('This hazard already has a response running: raise or lower it instead.');
      const realRunning = active.some((r) => !r.exercise);
      if (data.exercise && realRunning && (!data.confirmDuringReal || !data.drillScope)) throw new DomainError('DRILL_NEEDS_CONFIRMATION');
      const now = this.clock();
      const response: Response = {
        id: `response-${randomUUID()}`,
        hazard: data.hazard,
        level: data.level,
        exercise: data.exercise,
        state: 'active',
        startedAt: iso(now),
        levelSince: iso(now),
        endedAt: null,
        history: [this.change('started', data.level, data.reason, actor, now)],
        planVersions: {},
        drillScope: data.exercise && realRunning ? (data.drillScope ?? null) : null,
      };
      const ctx = this.context(tx, record, response, actor, now);
      const activation = await activate(ctx, RESPONSE_LEVELS.slice(0, levelRank(data.level) + 1));
      response.planVersions = activation.versions;
      await tx.insertInto('responses').values(toResponseRow(response)).execute();
      await record({ type: 'response.started', actor, payload: { response } });
      return { response, tasks: activation.tasks, problems: activation.problems };
    });
  }

  /** Raising adds the plans of every level above the current one up to the new level. */
  async raise(id: string, data: z.output<typeof ResponseLevelChangeSchema>, actor: Actor): Promise<Activation> {
    return this.ledger.once({ actionId: data.actionId, userId: actor.id, kind: 'response.raise', request: { id, ...data }, result: ActivationSchema }, async (tx, record) => {
      const current = await this.activeResponse(tx, id);
      if (levelRank(data.level) <= levelRank(current.level)) throw new DomainError('VALIDATION_FAILED', 'Raise to a higher level (Ⅰ is the highest).', [{ path: 'level', message: 'not higher than the current level' }]);
      const now = this.clock();
      const levels = RESPONSE_LEVELS.slice(levelRank(current.level) + 1, levelRank(data.level) + 1);
      const response: Response = { ...current, level: data.level, levelSince: iso(now), history: [...current.history, this.change('raised', data.level, data.reason, actor, now)] };
      const activation = await activate(this.context(tx, record, response, actor, now), levels);
      response.planVersions = { ...current.planVersions, ...activation.versions };
      await this.save(tx, response);
      await record({ type: 'response.raised', actor, payload: { response } });
      return { response, tasks: activation.tasks, problems: activation.problems };
    });
  }

  /** Lowering closes the open tasks of the levels above the new one as no longer required; the rest stay. */
  async lower(id: string, data: z.output<typeof ResponseLevelChangeSchema>, actor: Actor): Promise<Response> {
    return this.ledger.once({ actionId: data.actionId, userId: actor.id, kind: 'response.lower', request: { id, ...data }, result: ResponseSchema }, async (tx, record) => {
      const current = await this.activeResponse(tx, id);
      if (levelRank(data.level) >= levelRank(current.level)) throw new DomainError('VALIDATION_FAILED', 'Lower to a lower level (Ⅳ is the lowest; end the response instead).', [{ path: 'level', message: 'not lower than the current level' }]);
      const now = this.clock();
      const response: Response = { ...current, level: data.level, levelSince: iso(now), history: [...current.history, this.change('lowered', data.level, data.reason, actor, now)] };
      await this.save(tx, response);
      await record({ type: 'response.lowered', actor, payload: { response } });
      const above = (await tasksOf(tx, id)).filter((t) => levelRank(t.level) > levelRank(data.level));
      await closeTasks(this.context(tx, record, response, actor, now), above, `降为${LEVEL_ZH[data.level]}级，不再需要：${data.reason}`);
      return response;
    });
  }

  /** Ending closes whatever is still open, with the reason; the response keeps its record for the after-action report. */
  async end(id: string, data: z.output<typeof ResponseEndSchema>, actor: Actor): Promise<Response> {
    return this.ledger.once({ actionId: data.actionId, userId: actor.id, kind: 'response.end', request: { id, ...data }, result: ResponseSchema }, async (tx, record) => {
      const current = await this.activeResponse(tx, id);
      const now = this.clock();
      const response: Response = { ...current, state: 'ended', endedAt: iso(now), history: [...current.history, this.change('ended', current.level, data.reason, actor, now)] };
      await this.save(tx, response);
      await record({ type: 'response.ended', actor, payload: { response } });
      await closeTasks(this.context(tx, record, response, actor, now), await tasksOf(tx, id), `响应结束：${data.reason}`);
      return response;
    });
  }

  /** 确认: carries out the named prepared actions (or every one), all in one transaction. */
  async confirm(id: string, data: z.output<typeof ConfirmActionsSchema>, actor: Actor) {
    return this.ledger.once({ actionId: data.actionId, userId: actor.id, kind: 'response.confirm', request: { id, ...data }, result: ConfirmResultSchema }, async (tx, record) => {
      const response = await this.activeResponse(tx, id);
      const tasks = await tasksOf(tx, id);
      const wanted = new Set(data.taskIds);
      const missing = data.taskIds.filter((taskId) => !tasks.some((t) => t.id === taskId));
      if (missing.length > 0) throw new DomainError('NOT_FOUND', 'No such task in this response.', { taskIds: missing });
      const pending = tasks.filter((t) => t.state === 'open' && t.actionState === 'prepared' && (data.all || wanted.has(t.id)));
      if (pending.length === 0 && !data.all) throw conflict('Nothing to confirm: these actions were already carried out or their tasks closed.');
      const ctx = this.context(tx, record, response, actor, this.clock());
      const done: ResponseTask[] = [];
      for (const task of pending) done.push(await runAction(ctx, task));
      if (done.length > 0) await record({ type: 'response.tasks_changed', actor, payload: { responseId: id, tasks: done, cause: 'confirmed' } });
      return { tasks: done };
    });
  }

  private context(tx: Tx, record: RecordEvent, response: Response, actor: Actor, now: number): TaskContext {
    return taskContext({ tx, record, response, actor, now, ports: this.ports, alarms: this.alarms });
  }

  private async activeResponse(tx: Tx, id: string): Promise<Response> {
    // Commands on one response queue up behind each other on PostgreSQL as on SQLite.
    await tx.updateTable('responses').set({ id: sql`id` }).where('id', '=', id).execute();
    const response = await loadResponse(tx, id);
    if (response.state !== 'active') throw conflict('This response has ended.');
    return response;
  }

  private async save(tx: Tx, response: Response): Promise<void> {
    const { id: _id, ...row } = toResponseRow(response);
    await tx.updateTable('responses').set(row).where('id', '=', response.id).execute();
  }

  private change(kind: ResponseChange['kind'], level: ResponseLevel, reason: string, actor: Actor, now: number): ResponseChange {
    return { kind, level, reason, by: { id: actor.id, name: actor.name }, at: iso(now) };
  }
}
